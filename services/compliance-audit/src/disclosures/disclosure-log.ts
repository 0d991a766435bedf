import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { assertValidEvent, EventDataOf } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { ownEventRecord } from '../audit-trail/own-event-record';

export const DISCLOSURE_RECORDED = 'thc.compliance.DisclosureRecorded.v1';
export type DisclosureRecorded = EventDataOf<'thc.compliance.DisclosureRecorded.v1'>;

/** A disclosure dated after the moment it is recorded: a disclosure is a fact, not a plan. */
export class DisclosureInFutureError extends Error {
  override readonly name = 'DisclosureInFutureError';
}

export type DisclosureInput = Pick<
  DisclosureRecorded,
  'recipient' | 'purpose' | 'resources' | 'disclosedAt'
>;

/**
 * Disclosures of a patient's PHI outside the health system. Appended to the patient's
 * phi-access stream, beside the reads, so the accounting of disclosures is one stream; chained
 * into the audit trail before the answer, so it is tamper-evident at once; published by the
 * outbox relay.
 */
@Injectable()
export class DisclosureLog {
  constructor(
    private readonly store: MongoEventStore,
    private readonly writer: AuditChainWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async record(
    patientId: string,
    input: DisclosureInput,
    principal: Principal,
  ): Promise<DisclosureRecorded> {
    const now = this.clock();
    const disclosedAt = new Date(input.disclosedAt);
    if (disclosedAt > now) throw new DisclosureInFutureError('disclosedAt is in the future');
    const data: DisclosureRecorded = {
      disclosureId: this.newId(),
      patientId,
      recipient: { organization: input.recipient.organization, kind: input.recipient.kind },
      purpose: input.purpose,
      resources: [...input.resources],
      disclosedAt: disclosedAt.toISOString(),
      recordedAt: now.toISOString(),
      recordedBy: actorOf(principal),
    };
    assertValidEvent(DISCLOSURE_RECORDED, data);
    const { events } = await this.store.append(`phi-access-${patientId}`, 'any', [
      {
        id: data.disclosureId,
        type: DISCLOSURE_RECORDED,
        data,
        metadata: { actor: principal.subject },
      },
    ]);
    await this.writer.append(events.map(ownEventRecord));
    return data;
  }
}
