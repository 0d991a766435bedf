import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { CLOCK, Clock, ParseUuidParam } from '@thc/service-runtime';
import { AppointmentCommand } from '../domain/appointment.commands';
import { AppointmentAccess } from '../appointment-access';
import { AppointmentCommandRoute } from '../appointment-command.route';
import { AppointmentResponse } from '../appointment.response';
import { CheckInDto, CompleteDto, NoShowDto } from './visit-outcome.dto';
import { VISIT_OUTCOME_ROUTES as ROUTE } from './visit-outcome.docs';
import { RecordVisitOutcomeHandler } from './record-visit-outcome.handler';

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
    private readonly outcomes: RecordVisitOutcomeHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AppointmentCommandRoute(ROUTE.noShow)
  noShow(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: NoShowDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, OUTCOME, { type: 'RecordNoShow', ...dto, at: this.now() });
  }

  @AppointmentCommandRoute(ROUTE.complete)
  complete(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: CompleteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, OUTCOME, {
      type: 'CompleteAppointment',
      ...dto,
      at: this.now(),
    });
  }

  @AppointmentCommandRoute(ROUTE.checkIn)
  checkIn(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: CheckInDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.record(id, principal, CHECK_IN, { type: 'CheckIn', ...dto, at: this.now() });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private record(
    id: string,
    principal: Principal,
    access: AppointmentAccess,
    command: AppointmentCommand,
  ): Promise<AppointmentResponse> {
    return this.outcomes.execute(id, principal, access, command);
  }
}
