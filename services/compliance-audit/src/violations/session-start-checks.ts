import { Inject, Injectable } from '@nestjs/common';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.store';
import { CLOCK, Clock } from '../shared/audit.settings';
import { ConsentAtStartReader } from './consent-at-start';
import { judgeSessionStart } from './domain/session.rules';
import { StaffCredentialStates } from './staff-credentials.store';
import { ViolationRecorder } from './violation.recorder';

const STARTED = 'thc.sessions.SessionStarted.v1';

/** Judges each session start: the patient's consent and the provider's credential at that instant. */
@Injectable()
export class SessionStartChecks {
  constructor(
    private readonly links: CareLinks,
    private readonly consents: ConsentAtStartReader,
    private readonly credentials: StaffCredentialStates,
    private readonly recorder: ViolationRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async judge(events: readonly AuditedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== STARTED) continue;
      const data = event.data as {
        sessionId: string;
        startedAt: string;
        startedBy?: { kind: string; userId?: string; role?: string };
      };
      const link = await this.links.linksOf(event);
      const providerId =
        link.providerId ??
        (data.startedBy?.role === 'provider' ? data.startedBy.userId : undefined);
      const start = {
        eventId: event.id,
        sessionId: data.sessionId,
        startedAt: data.startedAt,
        ...(link.patientId ? { patientId: link.patientId } : {}),
        ...(providerId ? { providerId } : {}),
      };
      const consent = link.patientId
        ? await this.consents.at(link.patientId, data.startedAt)
        : { inForce: true as const };
      const credential = providerId
        ? await this.credentials.at(providerId, data.startedAt)
        : { status: 'unknown' as const };
      for (const finding of judgeSessionStart(start, consent, credential))
        await this.recorder.record(finding, this.clock().toISOString());
    }
  }
}
