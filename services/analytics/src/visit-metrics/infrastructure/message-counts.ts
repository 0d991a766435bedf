import type { mongo } from 'mongoose';
import { messageContribution } from '../domain/message-contribution';
import type { MessageFacts } from '../domain/message-facts';
import { visitContribution } from '../domain/visit-contribution';
import type { VisitFacts } from '../domain/visit-facts';
import { BucketWrites } from './bucket-writes';
import type { VisitMetricsCollections } from './visit-metrics.collections';

type AnyBulkOp = mongo.AnyBulkWriteOperation<mongo.Document>;
const byIds = (ids: readonly string[]) => ({ _id: { $in: ids as unknown as mongo.ObjectId[] } });

/**
 * Step 2 for messages: each touched message's counters, recomputed from its facts alone, are
 * `$set` under its id in its month bucket (`month × clinic × kind`); a message that moved (an
 * earlier outcome arrived, or its visit became known and with it the clinic) is removed from
 * its old bucket. Like the visits' counters, idempotent by nature and independent of the order
 * in which the topics arrive.
 */
export class MessageCounts {
  constructor(private readonly store: VisitMetricsCollections) {}

  /**
   * @param clinics the clinic of visits the caller has just counted (appointment id → clinic),
   *   so only the others are read.
   */
  async recount(
    messageIds: readonly string[],
    clinics: ReadonlyMap<string, string> = new Map(),
  ): Promise<void> {
    if (messageIds.length === 0) return;
    const messages = (await this.store.messages
      .find(byIds([...new Set(messageIds)]))
      .toArray()) as unknown as MessageFacts[];
    const known = new Map(clinics);
    const unread = [
      ...new Set(messages.flatMap((m) => (m.appointmentId ? [m.appointmentId] : []))),
    ].filter((id) => !known.has(id));
    if (unread.length > 0) {
      const visits = (await this.store.facts
        .find(byIds(unread))
        .toArray()) as unknown as VisitFacts[];
      for (const visit of visits) {
        const clinicId = visitContribution(visit)?.clinicId;
        if (clinicId) known.set(visit._id, clinicId);
      }
    }
    const buckets = new BucketWrites();
    const moved: AnyBulkOp[] = [];
    for (const message of messages) {
      const contribution = messageContribution(message);
      if (!contribution) continue;
      const { month, kind, counters } = contribution;
      const clinicId = message.appointmentId ? known.get(message.appointmentId) : undefined;
      const bucketId = `${month}|${clinicId ?? ''}|${kind}`;
      const slot = `m.${message._id}`;
      buckets.set(bucketId, { month, kind, ...(clinicId ? { clinicId } : {}) }, slot, counters);
      if (message.bucket && message.bucket !== bucketId) buckets.unset(message.bucket, slot);
      if (message.bucket !== bucketId)
        moved.push({
          updateOne: { filter: { _id: message._id }, update: { $set: { bucket: bucketId } } },
        } as unknown as AnyBulkOp);
    }
    await buckets.write(this.store.messageMonths);
    // Recorded last: until then a retry still knows the old bucket to clean.
    if (moved.length) await this.store.messages.bulkWrite(moved, { ordered: false });
  }
}
