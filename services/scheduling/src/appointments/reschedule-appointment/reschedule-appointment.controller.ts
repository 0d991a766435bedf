import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { AppointmentViews } from '../shared/appointment-views.store';
import { asHttp } from '../shared/http-errors';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { RescheduleAppointmentDto } from './reschedule-appointment.dto';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class RescheduleAppointmentController {
  constructor(
    private readonly handler: RescheduleAppointmentHandler,
    private readonly views: AppointmentViews,
  ) {}

  /** The appointment's patient or provider, or staff, move it to another slot. */
  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'not booked, time taken, or credential not current' })
  async reschedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { state, version } = await asHttp(() => this.handler.execute(id, dto, principal));
    return toResponse(scheduledOrFail(state), version, await this.views.languageOf(id));
  }
}
