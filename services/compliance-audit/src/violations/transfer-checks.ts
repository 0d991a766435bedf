import { Injectable } from '@nestjs/common';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { DeferredRule, DeferredRuleContext } from './deferred-rule';
import { judgeTransfer, ProviderTransfer } from './domain/transfer.rules';
import { StaffCredentialStates } from './staff-credentials.projection';

const TRANSFERRED = 'thc.sessions.ProviderTransferred.v1';

type TransferFact = Omit<ProviderTransfer, 'patientId'>;

/**
 * Judges each transfer: the incoming provider's credential at that instant. Deferred like the
 * session-start rules: the credential events travel on another topic than the transfer.
 */
@Injectable()
export class TransferChecks extends DeferredRule<TransferFact> {
  constructor(
    context: DeferredRuleContext,
    private readonly links: CareLinks,
    private readonly credentials: StaffCredentialStates,
  ) {
    super(context, 'transfer_checks_pending');
  }

  async enqueue(events: readonly AuditedEvent[]): Promise<void> {
    await this.queue(
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

  protected async judge(fact: TransferFact, now: string): Promise<void> {
    const [link, credential] = await Promise.all([
      this.links.linksOf({ data: { sessionId: fact.sessionId } }),
      this.credentials.at(fact.toProviderId, fact.transferredAt),
    ]);
    const transfer = { ...fact, ...(link.patientId ? { patientId: link.patientId } : {}) };
    await this.record(judgeTransfer(transfer, credential), now);
  }
}
