import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { DeferredChecks } from './deferred-checks';
import { judgeTransfer, ProviderTransfer } from './domain/transfer.rules';
import { StaffCredentialStates } from './staff-credentials.projection';
import { ViolationRecorder } from './violation.recorder';
import { Clock, CLOCK } from '@thc/service-runtime';

const TRANSFERRED = 'thc.sessions.ProviderTransferred.v1';

type TransferFact = Omit<ProviderTransfer, 'patientId'>;

/**
 * Judges each transfer: the incoming provider's credential at that instant. Deferred like the
 * session-start rules: the credential events travel on another topic than the transfer.
 */
@Injectable()
export class TransferChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly deferred: DeferredChecks<TransferFact>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly links: CareLinks,
    private readonly credentials: StaffCredentialStates,
    private readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) settings: AuditSettings,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.deferred = new DeferredChecks<TransferFact>(
      connection.collection('transfer_checks_pending'),
      (fact, now) => this.judge(fact, now),
      settings.accessCheckDelayMs,
      clock,
      TransferChecks.name,
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
        .filter((event) => event.type === TRANSFERRED)
        .map((event) => {
          const data = event.data as {
            sessionId: string;
            toProviderId: string;
            transferredAt: string;
          };
          return {
            eventId: event.id,
            sessionId: data.sessionId,
            toProviderId: data.toProviderId,
            transferredAt: data.transferredAt,
          };
        }),
    );
  }

  sweep(): Promise<number> {
    return this.deferred.sweep();
  }

  private async judge(fact: TransferFact, now: string): Promise<void> {
    const [link, credential] = await Promise.all([
      this.links.linksOf({ data: { sessionId: fact.sessionId } }),
      this.credentials.at(fact.toProviderId, fact.transferredAt),
    ]);
    const transfer = { ...fact, ...(link.patientId ? { patientId: link.patientId } : {}) };
    for (const finding of judgeTransfer(transfer, credential))
      await this.recorder.record(finding, now);
  }
}
