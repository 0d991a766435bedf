import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { applyOnce } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';
import type { ConsentStanding } from '../domain/session.commands';
import { ConsentFact, consentStanding } from '../consent-standing';

type Granted = EventDataOf<'thc.compliance.ConsentGranted.v1'>;
type Revoked = EventDataOf<'thc.compliance.ConsentRevoked.v1'>;

interface ConsentDocument {
  readonly _id: string;
  readonly facts: ConsentFact[];
}

/**
 * The telehealth consents of each patient, from compliance events: one document per patient
 * holding the facts, each applied once (applyOnce records the event id in the same write).
 * Facts rather than a status, so events arriving out of order still give the right standing.
 */
@Injectable()
export class TelehealthConsents {
  private readonly collection: mongo.Collection<ConsentDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<ConsentDocument>('telehealth_consents');
  }

  async standingOf(patientId: string, now: Date): Promise<ConsentStanding> {
    const document = await this.collection.findOne({ _id: patientId });
    return consentStanding(document?.facts ?? [], now);
  }

  /** The consent facts of each of these patients, in one read; a patient with none is absent. */
  async factsOf(
    patientIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly ConsentFact[]>> {
    const wanted = [...new Set(patientIds)];
    if (wanted.length === 0) return new Map();
    const documents = await this.collection.find({ _id: { $in: wanted } }).toArray();
    return new Map(documents.map((document) => [document._id, document.facts]));
  }

  granted(eventId: string, data: Granted): Promise<boolean> {
    return this.record(eventId, data.patientId, {
      kind: 'granted',
      consentId: data.consentId,
      at: data.grantedAt,
      ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
    });
  }

  revoked(eventId: string, data: Revoked): Promise<boolean> {
    return this.record(eventId, data.patientId, {
      kind: 'revoked',
      consentId: data.consentId,
      at: data.revokedAt,
    });
  }

  private record(eventId: string, patientId: string, fact: ConsentFact): Promise<boolean> {
    return applyOnce(
      this.collection as unknown as mongo.Collection<mongo.Document>,
      { _id: patientId },
      { $push: { facts: fact } },
      eventId,
    );
  }
}
