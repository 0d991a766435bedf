import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { REQUEST_APPOINTMENT_EXAMPLE, RequestAppointmentDto } from './request-appointment.dto';
import { RequestAppointmentHandler } from './request-appointment.handler';
import { AppointmentRequestResponse } from './request-appointment.response';

/**
 * The request-then-book path: a patient asks for a window, a coordinator books a slot in it
 * (`BookRequestedAppointmentController`).
 */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointment-requests')
export class RequestAppointmentController {
  constructor(private readonly requests: RequestAppointmentHandler) {}

  @UseCaseRoute({
    method: 'POST',
    answer: { type: AppointmentRequestResponse, description: 'The request, status proposed' },
    summary: 'Request an appointment in a time window',
    description:
      'A patient asks for a visit some time in a window, optionally with a preferred provider and a reason (free text, stored sealed); a coordinator then books a slot in it. A patient requests only for themselves; a coordinator or admin for any patient, in a clinic they cover.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: "none: the new request's id and its status `proposed`",
    errors: {
      400: invalidInputDoc({ body: true }),
      403: 'The role is not one of patient, coordinator, admin, a patient requests for another patient, or a coordinator or admin requests in a clinic they do not cover.',
      409: "With a reason, the patient's records were erased.",
      422: 'The window ends before it starts, or ends in the past.',
    },
    body: { type: RequestAppointmentDto, example: REQUEST_APPOINTMENT_EXAMPLE },
  })
  request(
    @Body() dto: RequestAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentRequestResponse> {
    return this.requests.execute(dto, principal);
  }
}
