import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { ConsentAtStartReader } from './consent-at-start';
import { DeferredChecks } from './deferred-checks';
import { judgeSessionStart } from './domain/session.rules';
import { StaffCredentialStates } from './staff-credentials.projection';
import { ViolationRecorder } from './violation.recorder';
import { Clock, CLOCK } from '@thc/service-runtime';

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
export class SessionStartChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly deferred: DeferredChecks<StartFact>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly links: CareLinks,
    private readonly consents: ConsentAtStartReader,
    private readonly credentials: StaffCredentialStates,
    private readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) settings: AuditSettings,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.deferred = new DeferredChecks<StartFact>(
      connection.collection('session_checks_pending'),
      (fact, now) => this.judge(fact, now),
      settings.accessCheckDelayMs,
      clock,
      SessionStartChecks.name,
    );
  }

  onModuleInit(): void {
    this.deferred.start();
  }

  onApplicationShutdown(): void {
    this.deferred.stop();
  }

  async enqueue(events: readonly AuditedEvent[]): Promise<void> {
    await this.deferred.enqueue(
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

  sweep(): Promise<number> {
    return this.deferred.sweep();
  }

  private async judge(fact: StartFact, now: string): Promise<void> {
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
    for (const finding of judgeSessionStart(start, consent, credential))
      await this.recorder.record(finding, now);
  }
}
