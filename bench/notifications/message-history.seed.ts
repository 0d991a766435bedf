import { EXAMPLE_ENCRYPTED } from '@thc/contracts';
import type { Db } from 'mongodb';
import { randomUUID } from 'node:crypto';

const DAY_MS = 86_400_000;
/** Documents per insertMany: what one FerretDB call takes in well over a second at most. */
const BATCH = 1_000;
/** insertMany calls in flight: the server writes one at a time, this hides the round trips. */
const IN_FLIGHT = 2;
const HISTORY_DAYS = 3 * 365;
/** Messages of one visit: its confirmation, reminders a day and an hour ahead, the survey. */
const VISIT_MESSAGES = [
  { kind: 'booking-confirmation', beforeStartMs: 7 * DAY_MS },
  { kind: 'reminder', beforeStartMs: DAY_MS },
  { kind: 'reminder', beforeStartMs: 3_600_000 },
  { kind: 'survey-invitation', beforeStartMs: -35 * 60_000 },
] as const;
const VISITS_PER_PATIENT = 4;

export interface SeededHistory {
  /** Outcome events stored in `events` (streams `notification-<messageId>`). */
  readonly events: number;
  readonly messages: number;
  readonly visits: number;
  readonly people: number;
  readonly seconds: number;
}

/** A sealed value as the service stores one; never opened: nobody reads these people. */
const sealed = (tag: string) => ({
  ...EXAMPLE_ENCRYPTED,
  ciphertext: Buffer.from(`history ${tag}`).toString('base64'),
});

/**
 * Writes what years of sending leave in the notifications database, with the raw driver in
 * bulk: `events` outcome events of finished messages (published, as the relay leaves them;
 * one email outcome per message, a tenth with an SMS outcome beside it, a twentieth failed for
 * want of a contact point), the `visit_status` of their visits (settled, three years back) and
 * the `contact_points` of their patients. The service's indexes must exist already, as they
 * did through those years.
 */
export async function seedMessageHistory(
  db: Db,
  events: number,
  progress: (line: string) => void,
): Promise<SeededHistory> {
  const started = performance.now();
  const writer = new BulkWriter(db);
  const now = Date.now();
  let stored = 0;
  let messages = 0;
  let visits = 0;
  let people = 0;
  let patientId = randomUUID();
  let nextReport = 100_000;
  while (stored < events) {
    if (visits % VISITS_PER_PATIENT === 0) {
      patientId = randomUUID();
      people++;
      await writer.add('contact_points', contactPoints(patientId, now));
    }
    const start = new Date(now - (1 + (visits % HISTORY_DAYS)) * DAY_MS + (visits % 40) * 900_000);
    const appointmentId = randomUUID();
    visits++;
    await writer.add('visit_status', visitStatus(appointmentId, patientId, start));
    for (const { kind, beforeStartMs } of VISIT_MESSAGES) {
      if (stored >= events) break;
      messages++;
      const sentAt = new Date(start.getTime() - beforeStartMs);
      const message = { messageId: randomUUID(), kind, patientId, appointmentId, sentAt };
      for (const outcome of outcomesOf(message, messages)) {
        if (stored >= events) break;
        await writer.add('events', outcome);
        stored++;
      }
    }
    if (stored >= nextReport) {
      progress(
        `  ... ${stored.toLocaleString('en-US')} events stored, ${(stored / ((performance.now() - started) / 1000)).toFixed(0)} events/s`,
      );
      nextReport += 100_000;
    }
  }
  await writer.flush();
  return {
    events: stored,
    messages,
    visits,
    people,
    seconds: (performance.now() - started) / 1000,
  };
}

interface HistoricMessage {
  readonly messageId: string;
  readonly kind: string;
  readonly patientId: string;
  readonly appointmentId: string;
  readonly sentAt: Date;
}

/** One message's outcome events, as the dispatcher appended them, each a stream version. */
function outcomesOf(message: HistoricMessage, ordinal: number): Record<string, unknown>[] {
  const about = {
    messageId: message.messageId,
    recipientId: message.patientId,
    patientId: message.patientId,
    recipientRole: 'patient',
    kind: message.kind,
    triggerEventId: randomUUID(),
    appointmentId: message.appointmentId,
  };
  const at = message.sentAt.toISOString();
  const outcomes =
    ordinal % 20 === 0
      ? [
          {
            type: 'thc.notifications.NotificationFailed.v1',
            data: {
              ...about,
              reason: 'no-contact-point',
              detail: 'no contact point',
              attempts: 0,
              failedAt: at,
            },
          },
        ]
      : [
          {
            type: 'thc.notifications.NotificationSent.v1',
            data: {
              ...about,
              channel: 'email',
              attempt: 1,
              providerMessageId: `<${message.messageId}@notifications.thc>`,
              sentAt: at,
            },
          },
          ...(ordinal % 10 === 1
            ? [
                {
                  type: 'thc.notifications.NotificationFailed.v1',
                  data: {
                    ...about,
                    channel: 'sms',
                    reason: 'channel-not-configured',
                    detail: 'no SMS gateway is configured',
                    attempts: 1,
                    failedAt: at,
                  },
                },
              ]
            : []),
        ];
  return outcomes.map((outcome, index) => ({
    _id: randomUUID(),
    streamId: `notification-${message.messageId}`,
    version: index + 1,
    batchStart: index + 1,
    batchEnd: index + 1,
    type: outcome.type,
    data: outcome.data,
    metadata: { actor: 'notifications', causationId: about.triggerEventId },
    recordedAt: message.sentAt,
    publishedAt: new Date(message.sentAt.getTime() + 150),
  }));
}

function visitStatus(appointmentId: string, patientId: string, start: Date) {
  const end = new Date(start.getTime() + 30 * 60_000).toISOString();
  return {
    _id: appointmentId,
    patientId,
    caregiverIds: [],
    start: start.toISOString(),
    end,
    timeZone: 'America/New_York',
    visitType: 'video',
    status: 'completed',
    changedAtMs: start.getTime() - 14 * DAY_MS,
    sequence: 0,
    lastChangeEventId: randomUUID(),
    settled: true,
    sessionId: randomUUID(),
    startedAt: start.toISOString(),
    endedAt: end,
  };
}

function contactPoints(patientId: string, now: number) {
  return {
    _id: patientId,
    version: 1,
    patientId,
    email: sealed('email'),
    preferredLanguage: sealed('language'),
    timeZone: 'America/New_York',
    consent: { byEmail: true, bySms: false },
    optedOut: { email: false, sms: false },
    recordedAt: new Date(now - HISTORY_DAYS * DAY_MS).toISOString(),
  };
}

/** Buffers documents per collection and writes them in unordered batches, a few at a time. */
class BulkWriter {
  private readonly buffers = new Map<string, Record<string, unknown>[]>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private failure: unknown;

  constructor(private readonly db: Db) {}

  async add(collection: string, document: Record<string, unknown>): Promise<void> {
    const buffer = this.buffers.get(collection) ?? [];
    this.buffers.set(collection, buffer);
    buffer.push(document);
    if (buffer.length >= BATCH) await this.write(collection);
  }

  async flush(): Promise<void> {
    for (const collection of this.buffers.keys()) await this.write(collection);
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async write(collection: string): Promise<void> {
    const documents = this.buffers.get(collection) ?? [];
    if (documents.length === 0) return;
    this.buffers.set(collection, []);
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const written: Promise<unknown> = this.db
      .collection(collection)
      .insertMany(documents, { ordered: false })
      // Kept for the next call to throw: a rejection nobody awaits yet would end the process.
      .catch((error: unknown) => (this.failure ??= error))
      .finally(() => this.inFlight.delete(written));
    this.inFlight.add(written);
  }
}
