import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Clock, CLOCK, UseCaseRoute } from '@thc/service-runtime';
import { SESSIONS_SETTINGS, SessionsSettings } from '../sessions.settings';
import { VisitsAtRisk } from './visits-at-risk.query';
import { inWindow } from './incident-monitor';
import { PlatformMonitor } from './platform-monitor';

/** Upcoming visits an open incident puts at risk: the coordinator calls ahead or moves them. */
const UPCOMING_HOURS = 4;

class OpenIncident {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSignalAt!: string;
  @ApiProperty() affectedSessionCount!: number;
}

class UpcomingVisit {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledStart!: string;
}

class PlatformStatusResponse {
  @ApiProperty({ enum: ['operational', 'incident'] }) status!: 'operational' | 'incident';
  @ApiPropertyOptional({ type: OpenIncident }) incident?: OpenIncident;
  @ApiProperty() signalsInWindow!: number;
  @ApiProperty() threshold!: number;
  @ApiProperty() windowSeconds!: number;
  @ApiProperty({
    type: [UpcomingVisit],
    description: `Visits in the next ${UPCOMING_HOURS} h, during an incident`,
  })
  affectedUpcomingVisits!: UpcomingVisit[];
}

/** The coordinators' platform status: the open incident, if any, and the visits it threatens. */
@ApiTags('platform status')
@ApiBearerAuth()
@Controller('api/v1/platform/status')
export class PlatformStatusController {
  constructor(
    private readonly monitor: PlatformMonitor,
    private readonly visitsAtRisk: VisitsAtRisk,
    @Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @UseCaseRoute({
    method: 'GET',
    answer: PlatformStatusResponse,
    summary: 'Read the platform status',
    description: `Whether the video platform is operational or in an incident (raised when failed joins, drops and technical issues across sessions pass a threshold within a window, closed after a quiet period). During an incident, the visits of the next ${UPCOMING_HOURS} hours it puts at risk, so coordinators call ahead or move them. The platform's state is not a clinic's: every coordinator and admin reads it, whatever clinics they cover; the visits at risk listed are only those of clinics they cover.`,
    roles: ['coordinator', 'admin'],
    phi: 'none: session, appointment and provider ids and scheduled starts (no patient data)',
    errors: {},
  })
  async status(@CurrentPrincipal() principal: Principal): Promise<PlatformStatusResponse> {
    const now = this.clock();
    const state = await this.monitor.current();
    const policy = {
      windowSeconds: this.settings.incidentWindowSeconds,
      threshold: this.settings.incidentThreshold,
      quietSeconds: this.settings.incidentQuietSeconds,
    };
    const base = {
      signalsInWindow: inWindow(state.signals, now, policy).length,
      threshold: policy.threshold,
      windowSeconds: policy.windowSeconds,
    };
    if (!state.open) return { status: 'operational', ...base, affectedUpcomingVisits: [] };
    const until = now.getTime() + UPCOMING_HOURS * 3_600_000;
    const upcoming = await this.visitsAtRisk.until(principal, now, new Date(until));
    return {
      status: 'incident',
      incident: {
        incidentId: state.open.incidentId,
        raisedAt: state.open.raisedAt,
        lastSignalAt: state.open.lastSignalAt,
        affectedSessionCount: state.open.sessionIds.length,
      },
      ...base,
      affectedUpcomingVisits: upcoming.map((v) => ({
        sessionId: v.sessionId,
        appointmentId: v.appointmentId,
        providerId: v.providerId,
        scheduledStart: v.scheduledStart,
      })),
    };
  }
}
