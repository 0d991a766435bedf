import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { insertOrUpdate } from '../insert-or-update';
import { CareVisit } from '../violations/domain/access.rules';
import { LegacyCareDocument, StreamLinkDocument, VisitDocument } from './care-link-documents';
import { addCareLinkUpdates, CareLinkBatch } from './care-link-updates';

export interface StreamLinks {
  readonly patientId?: string;
  readonly providerId?: string;
}

type Data = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * What scheduling and sessions events say about who is whose patient: the patient of each
 * appointment and session (so events without a patientId still name their patient in the
 * trail), and care relationships (booked visits between staff and patient, one document per
 * appointment and staff member, with its move and cancellation). Every write is idempotent (facts
 * set on insert, the latest end or cancellation $set), so redelivery is harmless.
 */
@Injectable()
export class CareLinks implements OnModuleInit {
  private readonly links: mongo.Collection<StreamLinkDocument>;
  private readonly visits: mongo.Collection<VisitDocument>;
  private readonly legacy: mongo.Collection<LegacyCareDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.links = connection.collection<StreamLinkDocument>('care_stream_links');
    this.visits = connection.collection<VisitDocument>('care_visits');
    this.legacy = connection.collection<LegacyCareDocument>('care_relationships');
  }

  /** A relationship is looked up by staff member and patient, a cancellation by appointment. */
  async onModuleInit(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection on a repeated multi-index createIndexes.
    await this.visits.createIndex({ staffId: 1, patientId: 1 }, { name: 'staff_patient' });
    await this.visits.createIndex({ appointmentId: 1 }, { name: 'appointment' });
  }

  /** Records the links the events carry, in one bulk write per collection. */
  async learn(events: readonly AuditedEvent[]): Promise<void> {
    const batch: CareLinkBatch = {
      links: [],
      care: [],
      changes: [],
      storedLink: (appointmentId) => this.links.findOne({ _id: `appointment|${appointmentId}` }),
    };
    for (const event of events) await addCareLinkUpdates(event, batch);
    await insertOrUpdate(this.links, batch.links);
    await insertOrUpdate(this.visits, batch.care);
    // After the bookings of the same batch, so a visit booked and changed in one batch exists.
    if (batch.changes.length > 0) await this.visits.bulkWrite(batch.changes, { ordered: true });
  }

  /** The patient (and provider) of the stream an event belongs to, when it does not say. */
  async linksOf(event: Pick<AuditedEvent, 'data'>): Promise<StreamLinks> {
    return (await this.linksOfMany([event]))[0] ?? {};
  }

  /** `linksOf` for a batch, in one query. */
  async linksOfMany(events: readonly Pick<AuditedEvent, 'data'>[]): Promise<StreamLinks[]> {
    const keys = events.map((event) => {
      const data = (
        typeof event.data === 'object' && event.data !== null ? event.data : {}
      ) as Data;
      const sessionId = str(data['sessionId']);
      const appointmentId = str(data['appointmentId']);
      return sessionId
        ? `session|${sessionId}`
        : appointmentId
          ? `appointment|${appointmentId}`
          : undefined;
    });
    const wanted = [...new Set(keys.filter((key): key is string => !!key))];
    if (wanted.length === 0) return events.map(() => ({}));
    const found = new Map(
      (await this.links.find({ _id: { $in: wanted } }).toArray()).map((link) => [link._id, link]),
    );
    return keys.map((key) => {
      const link = key ? found.get(key) : undefined;
      return {
        ...(link?.patientId ? { patientId: link.patientId } : {}),
        ...(link?.providerId ? { providerId: link.providerId } : {}),
      };
    });
  }

  /**
   * The clinics the patient has had a visit requested, booked or started in. A patient this
   * service has seen no visit of belongs to no clinic, so only a caller who covers every clinic
   * reaches them.
   */
  async clinicsOfPatient(patientId: string): Promise<readonly string[]> {
    return (await this.links.findOne({ _id: `patient|${patientId}` }))?.clinicIds ?? [];
  }

  /** `clinicsOfPatient` for several patients, in one query. */
  async clinicsOfPatients(patientIds: readonly string[]): Promise<Map<string, readonly string[]>> {
    const wanted = [...new Set(patientIds)].map((id) => `patient|${id}`);
    if (wanted.length === 0) return new Map();
    const found = await this.links.find({ _id: { $in: wanted } }).toArray();
    return new Map(found.map((link) => [link._id.slice('patient|'.length), link.clinicIds ?? []]));
  }

  /**
   * The visits that join a staff member to a patient. Relationships recorded before visits were
   * kept one by one (care_relationships) still count, as one visit, until they age out.
   */
  async relationship(staffId: string, patientId: string): Promise<CareVisit[]> {
    const visits = await this.visits
      .find({ staffId, patientId }, { projection: { since: 1, end: 1, cancelledAt: 1 } })
      .toArray();
    if (visits.length > 0)
      return visits.map(({ since, end, cancelledAt }) => ({
        since,
        end,
        ...(cancelledAt ? { cancelledAt } : {}),
      }));
    const legacy = await this.legacy.findOne({ _id: `${staffId}|${patientId}` });
    return legacy ? [{ since: legacy.since, end: legacy.lastVisitEnd }] : [];
  }
}
