import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { insertOrUpdate, Upsert } from '../insert-or-update';
import { CareVisit } from '../violations/domain/access.rules';

/**
 * Who an appointment or a session is for and with (`appointment|id`, `session|id`), and the
 * clinics a patient has visits in (`patient|id`), in the same collection so a booking learns
 * both in one write.
 */
interface StreamLinkDocument {
  _id: string;
  patientId?: string;
  providerId?: string;
  clinicId?: string;
  clinicIds?: string[];
}

export interface StreamLinks {
  readonly patientId?: string;
  readonly providerId?: string;
}

/** One appointment's care of a patient by one staff member: `appointmentId|staffId`. */
type VisitDocument = CareVisit & {
  _id: string;
  appointmentId: string;
  staffId: string;
  patientId: string;
  /** The clinic the visit is booked in (absent on visits learnt before it was kept). */
  clinicId?: string;
};

/** What care_relationships held before visits were kept one by one: read, never written. */
interface LegacyCareDocument {
  _id: string;
  since: string;
  lastVisitEnd: string;
}

type Data = Record<string, unknown>;

const utc = (instant: unknown): string | undefined =>
  typeof instant === 'string' && !Number.isNaN(Date.parse(instant))
    ? new Date(instant).toISOString()
    : undefined;

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
    const links: Upsert<StreamLinkDocument>[] = [];
    const care: Upsert<VisitDocument>[] = [];
    const changes: mongo.AnyBulkWriteOperation<VisitDocument>[] = [];
    for (const event of events) {
      const data = (
        typeof event.data === 'object' && event.data !== null ? event.data : {}
      ) as Data;
      const patientId = str(data['patientId']);
      const providerId = str(data['providerId']);
      const clinicId = str(data['clinicId']);
      if (
        event.type === 'thc.scheduling.AppointmentBooked.v1' ||
        event.type === 'thc.scheduling.AppointmentRequested.v1' ||
        event.type === 'thc.sessions.SessionCreated.v1'
      ) {
        const id = event.type.startsWith('thc.sessions')
          ? `session|${str(data['sessionId'])}`
          : `appointment|${str(data['appointmentId'])}`;
        links.push({
          updateOne: {
            filter: { _id: id },
            update: {
              $set: {
                ...(patientId ? { patientId } : {}),
                ...(providerId ? { providerId } : {}),
                ...(clinicId ? { clinicId } : {}),
              },
            },
            upsert: true,
          },
        });
        // A request, a booking or a session puts the patient in the clinic's care: the clinic
        // scope of auditors, coordinators and admins over the patient follows from these.
        if (patientId && clinicId)
          links.push({
            updateOne: {
              filter: { _id: `patient|${patientId}` },
              update: { $addToSet: { clinicIds: clinicId } },
              upsert: true,
            },
          });
      }
      if (event.type === 'thc.scheduling.AppointmentBooked.v1' && patientId) {
        const since = utc(data['bookedAt']) ?? utc(event.time);
        const end = utc(data['end']);
        const participants = Array.isArray(data['participants'])
          ? (data['participants'] as Data[])
          : [];
        const staff = participants
          .filter((p) => p['role'] !== 'patient' && p['role'] !== 'caregiver')
          .map((p) => str(p['participantId']))
          .filter((id): id is string => !!id);
        const appointmentId = str(data['appointmentId']);
        for (const staffId of new Set([...(providerId ? [providerId] : []), ...staff])) {
          if (!since || !end || !appointmentId) continue;
          // Facts on insert only: a booking redelivered after its cancellation or a move
          // changes nothing.
          care.push({
            updateOne: {
              filter: { _id: `${appointmentId}|${staffId}` },
              update: {
                $setOnInsert: {
                  appointmentId,
                  staffId,
                  patientId,
                  since,
                  end,
                  ...(clinicId ? { clinicId } : {}),
                },
              },
              upsert: true,
            },
          });
        }
      }
      if (event.type === 'thc.scheduling.AppointmentRescheduled.v1') {
        const appointmentId = str(data['appointmentId']);
        const end = utc(data['end']);
        const link = await this.links.findOne({ _id: `appointment|${appointmentId}` });
        if (end && appointmentId) {
          changes.push({ updateMany: { filter: { appointmentId }, update: { $set: { end } } } });
          // A visit moved to another provider joins them to the patient from the move on.
          if (link?.patientId && providerId)
            care.push({
              updateOne: {
                filter: { _id: `${appointmentId}|${providerId}` },
                update: {
                  $setOnInsert: {
                    appointmentId,
                    staffId: providerId,
                    patientId: link.patientId,
                    since: utc(data['rescheduledAt']) ?? end,
                    ...(link.clinicId ? { clinicId: link.clinicId } : {}),
                  },
                  $set: { end },
                },
                upsert: true,
              },
            });
        }
      }
      if (event.type === 'thc.scheduling.AppointmentCancelled.v1') {
        const appointmentId = str(data['appointmentId']);
        const cancelledAt = utc(data['cancelledAt']) ?? utc(event.time);
        if (appointmentId && cancelledAt)
          changes.push({
            updateMany: { filter: { appointmentId }, update: { $set: { cancelledAt } } },
          });
      }
    }
    await insertOrUpdate(this.links, links);
    await insertOrUpdate(this.visits, care);
    // After the bookings of the same batch, so a visit booked and changed in one batch exists.
    if (changes.length > 0) await this.visits.bulkWrite(changes, { ordered: true });
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
