import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { AppointmentCommandRoute } from '../appointment-command.route';
import { AppointmentResponse } from '../appointment.response';
import { AppointmentQuery } from '../appointment.query';
import { CANCEL_APPOINTMENT_EXAMPLE, CancelAppointmentDto } from './cancel-appointment.dto';
import { CancelAppointmentHandler } from './cancel-appointment.handler';
import { ParseUuidParam } from '@thc/service-runtime';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class CancelAppointmentController {
  constructor(
    private readonly handler: CancelAppointmentHandler,
    private readonly appointments: AppointmentQuery,
  ) {}

  /** The appointment's patient or provider, or staff, cancel it with a coded reason. */
  @AppointmentCommandRoute({
    action: 'cancel',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    summary: 'Cancel a booked appointment',
    description:
      "Cancels a booked appointment with a coded reason (and optionally free text, stored sealed). A cancellation inside the service's late-cancel window is marked late. The time is released at once and offered to the first patient on the waitlist it suits.",
    conflict:
      "The appointment is not booked (already cancelled, or the visit took place or was missed), it changed at the same time, or the patient's records were erased.",
    body: { type: CancelAppointmentDto, example: CANCEL_APPOINTMENT_EXAMPLE },
    answer: 'The appointment, cancelled',
  })
  cancel(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: CancelAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.appointments.answer(id, () => this.handler.execute(id, dto, principal));
  }
}
