import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { AppointmentPhiRead } from '../appointment-phi-read';
import { AppointmentResponse } from '../appointment.response';
import { APPOINTMENT_PHI, NO_SUCH_APPOINTMENT, NOT_YOURS_OR_CARE_ENDED } from '../appointment.docs';
import { AppointmentQuery } from '../appointment.query';
import { asHttp } from '../http-errors';
import { CANCEL_APPOINTMENT_EXAMPLE, CancelAppointmentDto } from './cancel-appointment.dto';
import { CancelAppointmentHandler } from './cancel-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class CancelAppointmentController {
  constructor(
    private readonly handler: CancelAppointmentHandler,
    private readonly appointments: AppointmentQuery,
  ) {}

  /** The appointment's patient or provider, or staff, cancel it with a coded reason. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @AppointmentPhiRead()
  @ApiUseCase({
    summary: 'Cancel a booked appointment',
    description:
      "Cancels a booked appointment with a coded reason (and optionally free text, stored sealed). A cancellation inside the service's late-cancel window is marked late. The time is released at once and offered to the first patient on the waitlist it suits.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['id'], body: true, purposeOfUse: true }),
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
      409: "The appointment is not booked (already cancelled, or the visit took place or was missed), it changed at the same time, or the patient's records were erased.",
    },
    params: { id: uuidParam('appointmentId', 'The appointment') },
    body: { type: CancelAppointmentDto, example: CANCEL_APPOINTMENT_EXAMPLE },
  })
  @ApiOkResponse({ type: AppointmentResponse, description: 'The appointment, cancelled' })
  async cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.appointments.answer(
      id,
      await asHttp(() => this.handler.execute(id, dto, principal)),
    );
  }
}
