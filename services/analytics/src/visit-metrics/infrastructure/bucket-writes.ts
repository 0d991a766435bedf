import type { mongo } from 'mongoose';

type AnyBulkOp = mongo.AnyBulkWriteOperation<mongo.Document>;

/**
 * The slot writes of a batch gathered per bucket document: `$set` of the visits (or messages)
 * that are in it now and `$unset` of those that moved out, as one upsert each. A slot is set in
 * one bucket and unset in another, never both in one, so the two never touch the same path.
 */
export class BucketWrites {
  private readonly buckets = new Map<
    string,
    { set: Record<string, unknown>; unset: Record<string, ''> }
  >();

  set(_id: string, dims: Record<string, string>, slot: string, counters: object): void {
    const bucket = this.bucket(_id);
    Object.assign(bucket.set, dims, { [slot]: counters });
  }

  unset(_id: string, slot: string): void {
    this.bucket(_id).unset[slot] = '';
  }

  async write(collection: mongo.Collection<mongo.Document>): Promise<void> {
    if (this.buckets.size === 0) return;
    const ops = [...this.buckets].map(([_id, { set, unset }]) => {
      const update: Record<string, object> = {};
      if (Object.keys(set).length > 0) update['$set'] = set;
      if (Object.keys(unset).length > 0) update['$unset'] = unset;
      // Only a bucket that gains a visit may be created; one that only loses visits exists.
      return {
        updateOne: { filter: { _id }, update, upsert: '$set' in update },
      } as unknown as AnyBulkOp;
    });
    await collection.bulkWrite(ops, { ordered: false });
  }

  private bucket(_id: string) {
    let bucket = this.buckets.get(_id);
    if (!bucket) this.buckets.set(_id, (bucket = { set: {}, unset: {} }));
    return bucket;
  }
}
