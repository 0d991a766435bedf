import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { APPOINTMENT_PHI, BOOKING_CONFLICTS, SLOT_RULES } from '../appointment.docs';
import { AppointmentResponse } from '../appointment.response';
import {
  BOOK_REQUESTED_APPOINTMENT_EXAMPLE,
  BookRequestedAppointmentDto,
} from './book-appointment.dto';
import { BookRequestedAppointmentHandler } from './book-requested-appointment.handler';

/** The second half of the request-then-book path: a slot booked for a request. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointment-requests')
export class BookRequestedAppointmentController {
  constructor(private readonly booking: BookRequestedAppointmentHandler) {}

  @UseCaseRoute({
    method: 'POST',
    path: ':id/book',
    answer: { type: AppointmentResponse, description: 'The appointment, booked' },
    summary: 'Book a slot for an appointment request',
    description:
      "Books a slot for a requested appointment, as a booking of the request's patient, clinic and visit type; the same checks as any booking apply. A patient books only their own request; a coordinator or admin only a request in a clinic they cover.",
    roles: ['patient', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['id'], body: true }),
      403: "The role is not one of patient, coordinator, admin, a patient books another patient's request, or a coordinator or admin one in a clinic they do not cover.",
      404: 'No appointment request with this id.',
      409: `The request is booked already, or ${BOOKING_CONFLICTS}.`,
      422: SLOT_RULES,
    },
    params: { id: uuidParam('appointmentId', 'The appointment request') },
    body: { type: BookRequestedAppointmentDto, example: BOOK_REQUESTED_APPOINTMENT_EXAMPLE },
  })
  book(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: BookRequestedAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.booking.execute(id, dto, principal);
  }
}
