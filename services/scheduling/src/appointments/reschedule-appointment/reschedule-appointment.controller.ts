import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { AppointmentPhiRead } from '../appointment-phi-read';
import { AppointmentResponse } from '../appointment.response';
import {
  APPOINTMENT_PHI,
  BOOKING_CONFLICTS,
  NO_SUCH_APPOINTMENT,
  NOT_YOURS_OR_CARE_ENDED,
} from '../appointment.docs';
import { AppointmentQuery } from '../appointment.query';
import { asHttp } from '../http-errors';
import {
  RESCHEDULE_APPOINTMENT_EXAMPLE,
  RescheduleAppointmentDto,
} from './reschedule-appointment.dto';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class RescheduleAppointmentController {
  constructor(
    private readonly handler: RescheduleAppointmentHandler,
    private readonly appointments: AppointmentQuery,
  ) {}

  /** The appointment's patient or provider, or staff, move it to another slot. */
  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @AppointmentPhiRead()
  @ApiUseCase({
    summary: 'Move an appointment to another slot',
    description:
      'Moves a booked appointment to another slot, with the same or another provider; the new time is checked like a booking. The old time stays held until the move is stored, so a refused move leaves the appointment where it was; the appointment keeps every earlier slot in `history`. An optional reason (free text) is stored sealed.',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['id'], body: true, purposeOfUse: true }),
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
      409: `The appointment is not booked (cancelled, or the visit took place or was missed), it changed at the same time, ${BOOKING_CONFLICTS}; or, with a reason, the patient's records were erased.`,
      422: 'The visit ends before it starts or starts in the past, the new slot is the one already booked, or the appointment has no patient location on record and the move states none.',
    },
    params: { id: uuidParam('appointmentId', 'The appointment') },
    body: { type: RescheduleAppointmentDto, example: RESCHEDULE_APPOINTMENT_EXAMPLE },
  })
  @ApiOkResponse({ type: AppointmentResponse, description: 'The appointment, at its new slot' })
  async reschedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.appointments.answer(
      id,
      await asHttp(() => this.handler.execute(id, dto, principal)),
    );
  }
}
