import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { AppointmentCommand } from '../domain/appointment.commands';
import { AppointmentAccess } from '../appointment-access';
import { APPOINTMENT_PHI, NO_SUCH_APPOINTMENT, NOT_YOURS_OR_CARE_ENDED } from '../appointment.docs';
import { AppointmentPhiRead } from '../appointment-phi-read';
import { AppointmentResponse } from '../appointment.response';
import {
  CHECK_IN_EXAMPLE,
  CheckInDto,
  COMPLETE_EXAMPLE,
  CompleteDto,
  NO_SHOW_EXAMPLE,
  NoShowDto,
} from './visit-outcome.dto';
import { RecordVisitOutcomeHandler } from './record-visit-outcome.handler';

const STAFF = ['coordinator', 'admin'] as const;
const CHECK_IN: AppointmentAccess = { patient: true, provider: true, staff: STAFF };
const OUTCOME: AppointmentAccess = { patient: false, provider: true, staff: STAFF };

const id = { id: uuidParam('appointmentId', 'The appointment') };
const phi = `the appointment: ${APPOINTMENT_PHI}`;
const invalid = invalidInputDoc({ ids: ['id'], body: true, purposeOfUse: true });
const notTheirs =
  "The role is not one admitted here, or the caller is neither the appointment's own provider nor a coordinator or admin who covers its clinic, or the provider's care window (CARE_RELATIONSHIP_DAYS, default 90, after their last visit with the patient; a cancelled visit only until its cancellation) has closed.";

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

  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @AppointmentPhiRead()
  @ApiUseCase({
    summary: 'Check the patient in',
    description:
      'Records that the patient arrived for the visit, in the virtual session named; the appointment becomes `arrived`.',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi,
    errors: {
      400: invalid,
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
      409: 'The appointment is not booked (cancelled, already arrived, or the visit took place or was missed), or it changed at the same time.',
    },
    params: id,
    body: { type: CheckInDto, example: CHECK_IN_EXAMPLE },
  })
  @ApiOkResponse({ type: AppointmentResponse, description: 'The appointment, arrived' })
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
  @AppointmentPhiRead()
  @ApiUseCase({
    summary: 'Record a no-show',
    description:
      'Records that the patient or the provider did not come, once the visit should have started; the appointment becomes `noshow`. A patient who arrived is not a patient no-show, but the provider may still be absent.',
    roles: ['provider', 'coordinator', 'admin'],
    phi,
    errors: {
      400: invalid,
      403: notTheirs,
      404: NO_SUCH_APPOINTMENT,
      409: 'The appointment is not booked (for a patient no-show) or neither booked nor arrived (for a provider no-show), or it changed at the same time.',
      422: 'The visit has not started yet.',
    },
    params: id,
    body: { type: NoShowDto, example: NO_SHOW_EXAMPLE },
  })
  @ApiOkResponse({ type: AppointmentResponse, description: 'The appointment, no-show' })
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
  @AppointmentPhiRead()
  @ApiUseCase({
    summary: 'Complete the visit',
    description:
      'Records that the visit took place, from when to when; the appointment becomes `fulfilled`. The patient must have checked in.',
    roles: ['provider', 'coordinator', 'admin'],
    phi,
    errors: {
      400: invalid,
      403: notTheirs,
      404: NO_SUCH_APPOINTMENT,
      409: 'The patient has not checked in (or the visit was completed, cancelled or missed), or the appointment changed at the same time.',
      422: 'The visit ends before it started, or ends in the future.',
    },
    params: id,
    body: { type: CompleteDto, example: COMPLETE_EXAMPLE },
  })
  @ApiOkResponse({ type: AppointmentResponse, description: 'The appointment, fulfilled' })
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

  private record(
    id: string,
    principal: Principal,
    access: AppointmentAccess,
    command: AppointmentCommand,
  ): Promise<AppointmentResponse> {
    return this.outcomes.execute(id, principal, access, command);
  }
}
