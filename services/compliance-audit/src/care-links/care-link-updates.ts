import type { EventDataOf, EventType } from '@thc/contracts';
import { mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { Upsert } from '../insert-or-update';
import { StreamLinkDocument, VisitDocument } from './care-link-documents';

/**
 * The writes one batch of events makes, applied in this order: links, care, then changes (a
 * visit booked and changed in the same batch exists before it is changed).
 */
export interface CareLinkBatch {
  readonly links: Upsert<StreamLinkDocument>[];
  readonly care: Upsert<VisitDocument>[];
  readonly changes: mongo.AnyBulkWriteOperation<VisitDocument>[];
  /** An appointment's links as stored before this batch: the batch's own are not written yet. */
  readonly storedLink: (appointmentId: string) => Promise<StreamLinkDocument | null>;
}

type CareLinkUpdate<T extends EventType> = (
  data: EventDataOf<T>,
  event: AuditedEvent,
  batch: CareLinkBatch,
) => void | Promise<void>;

type CareLinkUpdates = { readonly [T in EventType]?: CareLinkUpdate<T> };

interface StreamFacts {
  readonly patientId: string;
  readonly providerId?: string;
  readonly clinicId: string;
}

/** The instant in UTC, or nothing when the text is not one (a malformed fallback stays out). */
const utc = (instant: string): string | undefined =>
  Number.isNaN(Date.parse(instant)) ? undefined : new Date(instant).toISOString();

/**
 * Who the appointment or session is for and with, and the patient's clinic: a request, a
 * booking or a session puts the patient in the clinic's care, and the clinic scope of auditors,
 * coordinators and admins over the patient follows from these.
 */
function linkStream(batch: CareLinkBatch, id: string, facts: StreamFacts): void {
  const { patientId, providerId, clinicId } = facts;
  batch.links.push(
    {
      updateOne: {
        filter: { _id: id },
        update: { $set: { patientId, ...(providerId ? { providerId } : {}), clinicId } },
        upsert: true,
      },
    },
    {
      updateOne: {
        filter: { _id: `patient|${patientId}` },
        update: { $addToSet: { clinicIds: clinicId } },
        upsert: true,
      },
    },
  );
}

/** The staff a booking joins to its patient: the provider and all but patient and caregiver. */
function staffOf(data: EventDataOf<'thc.scheduling.AppointmentBooked.v1'>): Set<string> {
  const staff = data.participants
    .filter((p) => p.role !== 'patient' && p.role !== 'caregiver')
    .map((p) => p.participantId);
  return new Set([data.providerId, ...staff]);
}

/**
 * One visit per staff member, its facts on insert only: a booking redelivered after its
 * cancellation or a move changes nothing.
 */
function bookVisits(
  data: EventDataOf<'thc.scheduling.AppointmentBooked.v1'>,
  event: AuditedEvent,
  batch: CareLinkBatch,
): void {
  const { appointmentId, patientId, clinicId } = data;
  const since = utc(data.bookedAt) ?? utc(event.time);
  const end = utc(data.end);
  if (!since || !end) return;
  for (const staffId of staffOf(data))
    batch.care.push({
      updateOne: {
        filter: { _id: `${appointmentId}|${staffId}` },
        update: {
          $setOnInsert: { appointmentId, staffId, patientId, since, end, clinicId },
        },
        upsert: true,
      },
    });
}

/**
 * Every visit of the appointment ends at the new end; a visit moved to another provider joins
 * them to the patient from the move on.
 */
async function moveVisits(
  data: EventDataOf<'thc.scheduling.AppointmentRescheduled.v1'>,
  _event: AuditedEvent,
  batch: CareLinkBatch,
): Promise<void> {
  const { appointmentId, providerId } = data;
  const end = utc(data.end);
  const link = await batch.storedLink(appointmentId);
  if (!end) return;
  batch.changes.push({ updateMany: { filter: { appointmentId }, update: { $set: { end } } } });
  if (!link?.patientId) return;
  batch.care.push({
    updateOne: {
      filter: { _id: `${appointmentId}|${providerId}` },
      update: {
        $setOnInsert: {
          appointmentId,
          staffId: providerId,
          patientId: link.patientId,
          since: utc(data.rescheduledAt) ?? end,
          ...(link.clinicId ? { clinicId: link.clinicId } : {}),
        },
        $set: { end },
      },
      upsert: true,
    },
  });
}

/** Every visit of the appointment is cancelled as of the cancellation. */
function cancelVisits(
  data: EventDataOf<'thc.scheduling.AppointmentCancelled.v1'>,
  event: AuditedEvent,
  batch: CareLinkBatch,
): void {
  const { appointmentId } = data;
  const cancelledAt = utc(data.cancelledAt) ?? utc(event.time);
  if (cancelledAt)
    batch.changes.push({
      updateMany: { filter: { appointmentId }, update: { $set: { cancelledAt } } },
    });
}

const UPDATES: CareLinkUpdates = {
  'thc.scheduling.AppointmentRequested.v1': (data, _event, batch) =>
    linkStream(batch, `appointment|${data.appointmentId}`, data),
  'thc.scheduling.AppointmentBooked.v1': (data, event, batch) => {
    linkStream(batch, `appointment|${data.appointmentId}`, data);
    bookVisits(data, event, batch);
  },
  'thc.sessions.SessionCreated.v1': (data, _event, batch) =>
    linkStream(batch, `session|${data.sessionId}`, data),
  'thc.scheduling.AppointmentRescheduled.v1': moveVisits,
  'thc.scheduling.AppointmentCancelled.v1': cancelVisits,
};

/**
 * Adds what one event says about care links to the batch; other types say nothing. The one
 * narrowing from an audited event to its typed data: intake's consumer has checked the data of
 * every known type against its JSON Schema, which the type is generated from.
 */
export function addCareLinkUpdates(event: AuditedEvent, batch: CareLinkBatch): Promise<void> {
  const update = UPDATES[event.type as EventType] as
    | ((data: unknown, event: AuditedEvent, batch: CareLinkBatch) => void | Promise<void>)
    | undefined;
  return Promise.resolve(update?.(event.data, event, batch));
}
