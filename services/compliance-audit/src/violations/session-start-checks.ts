import { Injectable } from '@nestjs/common';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { ConsentAtStartReader } from './consent-at-start';
import { DeferredRule, DeferredRuleContext } from './deferred-rule';
import { judgeSessionStart } from './domain/session.rules';
import { StaffCredentialStates } from './staff-credentials.projection';

const STARTED = 'thc.sessions.SessionStarted.v1';

interface StartFact {
  readonly eventId: string;
  readonly sessionId: string;
  readonly startedAt: string;
  readonly startedBy?: string;
}

/**
 * Judges each session start: the patient's consent and the provider's credential at that
 * instant. Deferred like the PHI-read rules: the lapse that makes a start a violation travels on
 * another topic than the start.
 */
@Injectable()
export class SessionStartChecks extends DeferredRule<StartFact> {
  constructor(
    context: DeferredRuleContext,
    private readonly links: CareLinks,
    private readonly consents: ConsentAtStartReader,
    private readonly credentials: StaffCredentialStates,
  ) {
    super(context, 'session_checks_pending');
  }

  async enqueue(events: readonly AuditedEvent[]): Promise<void> {
    await this.queue(
      events
        .filter((event) => event.type === STARTED)
        .map((event) => {
          const data = event.data as {
            sessionId: string;
            startedAt: string;
            startedBy?: { kind: string; userId?: string; role?: string };
          };
          const by = data.startedBy?.role === 'provider' ? data.startedBy.userId : undefined;
          return {
            eventId: event.id,
            sessionId: data.sessionId,
            startedAt: data.startedAt,
            ...(by ? { startedBy: by } : {}),
          };
        }),
    );
  }

  protected async judge(fact: StartFact, now: string): Promise<void> {
    const link = await this.links.linksOf({ data: { sessionId: fact.sessionId } });
    const providerId = link.providerId ?? fact.startedBy;
    const start = {
      eventId: fact.eventId,
      sessionId: fact.sessionId,
      startedAt: fact.startedAt,
      ...(link.patientId ? { patientId: link.patientId } : {}),
      ...(providerId ? { providerId } : {}),
    };
    const consent = link.patientId
      ? await this.consents.at(link.patientId, fact.startedAt)
      : ({ inForce: true } as const);
    const credential = providerId
      ? await this.credentials.at(providerId, fact.startedAt)
      : ({ status: 'unknown' } as const);
    await this.record(judgeSessionStart(start, consent, credential), now);
  }
}
