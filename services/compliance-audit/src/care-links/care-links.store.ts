import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { insertOrUpdate, Upsert } from '../shared/insert-or-update';

/** Who an appointment or a session is for and with. */
interface StreamLinkDocument {
  _id: string;
  patientId?: string;
  providerId?: string;
}

export interface StreamLinks {
  readonly patientId?: string;
  readonly providerId?: string;
}

/** A staff member's care relationship with a patient, from the appointments that join them. */
export interface CareRelationship {
  readonly since: string;
  readonly lastVisitEnd: string;
}

type CareDocument = CareRelationship & { _id: string };

type Data = Record<string, unknown>;

const utc = (instant: unknown): string | undefined =>
  typeof instant === 'string' && !Number.isNaN(Date.parse(instant))
    ? new Date(instant).toISOString()
    : undefined;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * What scheduling and sessions events say about who is whose patient: the patient of each
 * appointment and session (so events without a patientId still name their patient in the
 * trail), and care relationships (booked visits between staff and patient). Every write is an
 * idempotent upsert ($set of the same facts, $min/$max of instants), so redelivery is harmless.
 */
@Injectable()
export class CareLinks {
  private readonly links: mongo.Collection<StreamLinkDocument>;
  private readonly care: mongo.Collection<CareDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.links = connection.collection<StreamLinkDocument>('care_stream_links');
    this.care = connection.collection<CareDocument>('care_relationships');
  }

  /** Records the links the events carry, in one bulk write per collection. */
  async learn(events: readonly AuditedEvent[]): Promise<void> {
    const links: Upsert<StreamLinkDocument>[] = [];
    const care: Upsert<CareDocument>[] = [];
    for (const event of events) {
      const data = (
        typeof event.data === 'object' && event.data !== null ? event.data : {}
      ) as Data;
      const patientId = str(data['patientId']);
      const providerId = str(data['providerId']);
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
              $set: { ...(patientId ? { patientId } : {}), ...(providerId ? { providerId } : {}) },
            },
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
        for (const staffId of new Set([...(providerId ? [providerId] : []), ...staff])) {
          if (!since || !end) continue;
          care.push({
            updateOne: {
              filter: { _id: `${staffId}|${patientId}` },
              update: { $min: { since }, $max: { lastVisitEnd: end } },
              upsert: true,
            },
          });
        }
      }
      if (event.type === 'thc.scheduling.AppointmentRescheduled.v1') {
        const end = utc(data['end']);
        const link = await this.links.findOne({ _id: `appointment|${str(data['appointmentId'])}` });
        if (end && link?.patientId && providerId)
          care.push({
            updateOne: {
              filter: { _id: `${providerId}|${link.patientId}` },
              update: {
                $min: { since: utc(data['rescheduledAt']) ?? end },
                $max: { lastVisitEnd: end },
              },
              upsert: true,
            },
          });
      }
    }
    await insertOrUpdate(this.links, links);
    await insertOrUpdate(this.care, care);
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

  relationship(staffId: string, patientId: string): Promise<CareRelationship | null> {
    return this.care.findOne({ _id: `${staffId}|${patientId}` }, { projection: { _id: 0 } });
  }
}
