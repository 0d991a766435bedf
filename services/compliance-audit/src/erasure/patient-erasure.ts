import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { assertValidEvent, EventDataOf } from '@thc/contracts';
import { ConcurrencyError, MongoEventStore, StoredEvent } from '@thc/event-store';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { ownEventRecord } from '../audit-trail/own-event-record';
import { LegalHolds } from '../retention/legal-holds.projection';
import { PATIENT_KEY_ERASER, PatientKeyEraser } from './erasure-keys';
import { PatientUnderLegalHoldError } from './patient-erasure.errors';

export const PATIENT_ERASED = 'thc.compliance.PatientErased.v1';
export type PatientErased = EventDataOf<'thc.compliance.PatientErased.v1'>;

export interface ErasureOutcome {
  /** False when the patient had been erased before: the answer is that erasure. */
  readonly created: boolean;
  readonly erasure: PatientErased;
}

/**
 * A patient's erasure, in an order that survives a stop at any point: refuse under legal hold,
 * destroy the key (idempotent), append PatientErased to the patient's erasure stream (the fact,
 * and the outbox entry every service purges its views on), chain it into the audit trail. A
 * repeated request after a stop finds the stream and only completes the chaining.
 */
@Injectable()
export class PatientErasure {
  constructor(
    private readonly holds: LegalHolds,
    @Inject(PATIENT_KEY_ERASER) private readonly keys: PatientKeyEraser,
    private readonly store: MongoEventStore,
    private readonly writer: AuditChainWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async erase(
    patientId: string,
    requestRef: string,
    principal: Principal,
  ): Promise<ErasureOutcome> {
    const earlier = await this.recorded(patientId);
    if (earlier) return { created: false, erasure: earlier };
    // Holds are few (open legal matters), so reading them all is one short read.
    const hold = (await this.holds.all()).find((h) => h.patientId === patientId);
    if (hold) throw new PatientUnderLegalHoldError(hold.matter);
    const keyDestroyed = await this.keys.erase(patientId, principal.subject);
    const erasure: PatientErased = {
      erasureId: this.newId(),
      patientId,
      requestRef,
      keyDestroyed,
      erasedAt: this.clock().toISOString(),
      erasedBy: actorOf(principal),
    };
    assertValidEvent(PATIENT_ERASED, erasure);
    let stored: readonly StoredEvent[];
    try {
      ({ events: stored } = await this.store.append(streamOf(patientId), 'noStream', [
        {
          id: erasure.erasureId,
          type: PATIENT_ERASED,
          data: erasure,
          metadata: { actor: principal.subject },
        },
      ]));
    } catch (error) {
      // Two requests at once: the other one recorded it; answer that one.
      const winner = error instanceof ConcurrencyError ? await this.recorded(patientId) : undefined;
      if (!winner) throw error;
      return { created: false, erasure: winner };
    }
    await this.writer.append(stored.map(ownEventRecord));
    return { created: true, erasure };
  }

  /** The erasure already recorded, chained again in case a stop came before (a no-op if not). */
  private async recorded(patientId: string): Promise<PatientErased | undefined> {
    const [event] = await this.store.load(streamOf(patientId));
    if (!event) return undefined;
    await this.writer.append([ownEventRecord(event)]);
    return event.data as PatientErased;
  }
}

const streamOf = (patientId: string) => `erasure-${patientId}`;
