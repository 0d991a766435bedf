import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { AppointmentViews } from '../shared/appointment-views.store';
import { asHttp } from '../shared/http-errors';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { CancelAppointmentDto } from './cancel-appointment.dto';
import { CancelAppointmentHandler } from './cancel-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class CancelAppointmentController {
  constructor(
    private readonly handler: CancelAppointmentHandler,
    private readonly views: AppointmentViews,
  ) {}

  /** The appointment's patient or provider, or staff, cancel it with a coded reason. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'the appointment is not booked' })
  async cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { state, version } = await asHttp(() => this.handler.execute(id, dto, principal));
    return toResponse(scheduledOrFail(state), version, await this.views.languageOf(id));
  }
}
