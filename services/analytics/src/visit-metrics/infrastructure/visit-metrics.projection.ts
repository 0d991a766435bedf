import { applyOnceBulk, ConsumedEvent, EffectOfEvent } from '@thc/messaging';
import type { mongo } from 'mongoose';
import type { VisitFact } from '../domain/event-facts';
import { factsOf } from '../domain/facts-of-event';
import { visitContribution } from '../domain/visit-contribution';
import type { VisitFacts } from '../domain/visit-facts';
import { BucketWrites } from './bucket-writes';
import { messageUpdate, scheduleUpdate, staffUpdate, visitUpdate } from './fact-updates';
import { MessageCounts } from './message-counts';
import { VisitMetricsCollections } from './visit-metrics.collections';

type AnyBulkOp = mongo.AnyBulkWriteOperation<mongo.Document>;

/**
 * Events per call of `apply`. A visit's events are spread over two topics and many partitions'
 * batches; larger runs give each visit more of its events per call, and each call costs about
 * two writes per visit and one per bucket touched, whatever its size.
 */
export const VISIT_METRICS_BATCH = 2000;

/**
 * Applies events to one version of the visit-metrics projection, in two idempotent steps:
 *
 * 1. Facts: each event's facts go to its visit (or provider schedule, or staff member, or
 *    message, see domain/facts-of-event.ts; their updates in fact-updates.ts) with `applyOnceBulk`, so an event id is applied to a
 *    document once.
 * 2. Buckets: every touched visit's counters are recomputed from its facts alone and written
 *    under the visit's id into its day and month buckets (`$set`, idempotent by nature); a visit
 *    that moved (reschedule, booking arriving after the session) is removed from its old
 *    buckets. Crashing between the steps is harmless: the redelivered events find their facts
 *    applied, and step 2 runs again from the same facts.
 *
 * A bucket thus holds per-visit counter vectors that a query sums, with no aggregation
 * pipeline, and a visit's contribution is replaced rather than incremented, so the order in
 * which the topics arrive does not matter. Messages are counted the same way, per message, in
 * month buckets of their own (message-counts.ts), under the clinic of the visit they are about.
 */
export class VisitMetricsProjection {
  private readonly messageCounts: MessageCounts;

  constructor(private readonly store: VisitMetricsCollections) {
    this.messageCounts = new MessageCounts(store);
  }

  async apply(events: readonly ConsumedEvent[]): Promise<void> {
    const links = await this.sessionLinks(events);
    const visits: EffectOfEvent[] = [];
    const schedules: EffectOfEvent[] = [];
    const staff: EffectOfEvent[] = [];
    const messages: EffectOfEvent[] = [];
    // Visits whose counters change: all but those only told that a message about them exists.
    const counted: string[] = [];
    const newLinks = new Map<string, string>();
    const toVisit = (appointmentId: string, fact: VisitFact, eventId: string): void => {
      visits.push({ filter: { _id: appointmentId }, update: visitUpdate(fact), eventId });
      if (fact.kind !== 'message' || fact.reminder) counted.push(appointmentId);
      if (fact.kind === 'session-created') newLinks.set(fact.sessionId, appointmentId);
    };
    for (const event of events)
      for (const effect of factsOf(event)) {
        if (effect.target === 'visit') toVisit(effect.appointmentId, effect.fact, event.id);
        else if (effect.target === 'visit-of-session') {
          const appointmentId = links.get(effect.sessionId);
          // A session event before its SessionCreated cannot happen on one partition; a session
          // whose creation was dead-lettered has no visit to count towards.
          if (appointmentId) toVisit(appointmentId, effect.fact, event.id);
        } else if (effect.target === 'schedule')
          schedules.push({
            filter: { _id: effect.providerId },
            update: scheduleUpdate(effect.fact),
            eventId: event.id,
          });
        else if (effect.target === 'staff')
          staff.push({
            filter: { _id: effect.staffId },
            update: staffUpdate(effect.fact),
            eventId: event.id,
          });
        // Guarded by the same event id as its visit's fact: each is applied once.
        else
          messages.push({
            filter: { _id: effect.messageId },
            update: messageUpdate(effect.fact),
            eventId: event.id,
          });
      }
    // One collection after the other: FerretDB (SQLite) serialises writes to a database anyway.
    await this.storeLinks(newLinks);
    await applyOnceBulk(this.store.facts, visits);
    await applyOnceBulk(this.store.schedules, schedules);
    await applyOnceBulk(this.store.staff, staff);
    await applyOnceBulk(this.store.messages, messages);
    await this.recount(
      [...new Set(counted)],
      [...new Set(messages.map((m) => String(m.filter._id)))],
    );
  }

  /**
   * Step 2 for these visits: their counters into their buckets, from their facts; then for these
   * messages, and the messages of visits whose clinic has just become known.
   */
  async recount(
    appointmentIds: readonly string[],
    messageIds: readonly string[] = [],
  ): Promise<void> {
    if (appointmentIds.length === 0) {
      await this.messageCounts.recount(messageIds);
      return;
    }
    const facts = (await this.store.facts
      .find({ _id: { $in: appointmentIds as unknown as mongo.ObjectId[] } })
      .toArray()) as unknown as VisitFacts[];
    // One write per bucket document, not per visit: a batch's visits share few buckets, and
    // each write costs a round trip and a transaction on the server.
    const days = new BucketWrites();
    const months = new BucketWrites();
    const moved: AnyBulkOp[] = [];
    const clinics = new Map<string, string>();
    const followers: string[] = [];
    for (const visit of facts) {
      const contribution = visitContribution(visit);
      if (!contribution) continue;
      const { day, clinicId, providerId, visitType, counters } = contribution;
      clinics.set(visit._id, clinicId);
      // The visit's messages were counted under no clinic (or another) until now.
      if (visit.bucket?.month.split('|')[1] !== clinicId)
        followers.push(...(visit.messageIds ?? []));
      const month = day.slice(0, 7);
      const dims = { clinicId, providerId, visitType };
      const dayId = `${day}|${clinicId}|${providerId}|${visitType}`;
      const monthId = `${month}|${clinicId}|${providerId}|${visitType}`;
      const slot = `v.${visit._id}`;
      days.set(dayId, { day, month, ...dims }, slot, counters);
      months.set(monthId, { month, ...dims }, slot, counters);
      if (visit.bucket?.day && visit.bucket.day !== dayId) days.unset(visit.bucket.day, slot);
      if (visit.bucket?.month && visit.bucket.month !== monthId)
        months.unset(visit.bucket.month, slot);
      if (visit.bucket?.day !== dayId || visit.bucket?.month !== monthId)
        moved.push({
          updateOne: {
            filter: { _id: visit._id },
            update: { $set: { bucket: { day: dayId, month: monthId } } },
          },
        } as unknown as AnyBulkOp);
    }
    await days.write(this.store.days);
    await months.write(this.store.months);
    await this.messageCounts.recount([...messageIds, ...followers], clinics);
    // Recorded last: until then a retry still knows the old buckets to clean.
    if (moved.length) await this.store.facts.bulkWrite(moved, { ordered: false });
  }

  /**
   * A session's link to its appointment never changes once made, so links are inserted, not
   * upserted under a guard: an insert of many documents is one cheap write, and a link already
   * stored (a redelivered SessionCreated) is a duplicate key to skip.
   */
  private async storeLinks(links: ReadonlyMap<string, string>): Promise<void> {
    if (links.size === 0) return;
    const documents = [...links].map(([sessionId, appointmentId]) => ({
      _id: sessionId,
      appointmentId,
    }));
    try {
      await this.store.sessionLinks.insertMany(documents as unknown as mongo.Document[], {
        ordered: false,
      });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }

  /** Session id -> appointment id for the batch: from the batch itself, then stored links. */
  private async sessionLinks(events: readonly ConsumedEvent[]): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    const wanted = new Set<string>();
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const sessionId = data['sessionId'];
      if (typeof sessionId !== 'string' || !event.type.startsWith('thc.sessions.')) continue;
      if (typeof data['appointmentId'] === 'string') links.set(sessionId, data['appointmentId']);
      else wanted.add(sessionId);
    }
    const missing = [...wanted].filter((id) => !links.has(id));
    if (missing.length > 0) {
      const stored = await this.store.sessionLinks
        .find({ _id: { $in: missing as unknown as mongo.ObjectId[] } })
        .toArray();
      for (const link of stored) links.set(String(link._id), String(link['appointmentId']));
    }
    return links;
  }
}

const DUPLICATE_KEY = 11000;

/** Whether an unordered insert failed only on documents that already exist. */
function onlyDuplicates(error: unknown): boolean {
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  const errors: unknown[] = Array.isArray(writeErrors)
    ? writeErrors
    : writeErrors
      ? [writeErrors]
      : [];
  if (errors.length === 0) return code === DUPLICATE_KEY;
  return errors.every((e) => (e as { code?: unknown }).code === DUPLICATE_KEY);
}
