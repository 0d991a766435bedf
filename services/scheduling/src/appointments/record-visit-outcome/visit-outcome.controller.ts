import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { CLOCK, Clock } from '../appointments.settings';
import { AppointmentCommand } from '../domain/appointment.commands';
import { AppointmentAccess, ensureAppointmentAccess } from '../shared/appointment-access';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { AppointmentViews } from '../shared/appointment-views.store';
import { asHttp } from '../shared/http-errors';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { CheckInDto, CompleteDto, NoShowDto } from './visit-outcome.dto';

const STAFF = ['coordinator', 'admin'] as const;
const CHECK_IN: AppointmentAccess = { patient: true, provider: true, staff: STAFF };
const OUTCOME: AppointmentAccess = { patient: false, provider: true, staff: STAFF };

/**
 * How a visit went: check-in, no-show, completed. Sessions will report these from its own
 * events (a later issue); until then the provider or staff record them here.
 */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class VisitOutcomeController {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'the appointment is not booked' })
  checkIn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CheckInDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, CHECK_IN, { type: 'CheckIn', ...dto, at: this.now() });
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'not booked (or the patient arrived), or not started yet' })
  noShow(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NoShowDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, OUTCOME, { type: 'RecordNoShow', ...dto, at: this.now() });
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'the patient has not checked in' })
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, OUTCOME, {
      type: 'CompleteAppointment',
      ...dto,
      at: this.now(),
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async record(
    id: string,
    principal: Principal,
    access: AppointmentAccess,
    command: AppointmentCommand,
  ): Promise<AppointmentResponse> {
    const { state, version } = await asHttp(() =>
      this.appointments.handle(
        id,
        (current) => ensureAppointmentAccess(principal, current, access),
        command,
        { actor: principal.subject },
      ),
    );
    return toResponse(scheduledOrFail(state), version, await this.views.languageOf(id));
  }
}
