import { mongo } from 'mongoose';
import { CoalescedEffect, coalesceEffects } from './coalesce-effects';
import {
  ApplyOnceOptions,
  EffectFilter,
  EffectOfEvent,
  EffectUpdate,
  IdempotentTarget,
} from './effect';

export * from './effect';
export { coalesceEffects, mergeUpdates } from './coalesce-effects';

const DUPLICATE_KEY = 11000;

/**
 * Applies `update` to the document `filter` names unless that document has already applied
 * `eventId`, in one atomic single-document write: the id goes into the document's applied list
 * together with the effect, so a redelivered event changes nothing. Returns whether the effect
 * was applied (false for a duplicate).
 *
 * How: an upsert guarded by `{ applied: { $ne: eventId } }`. A document that already lists the
 * id does not match, so the upsert tries to insert a new one with the same `_id`, and the
 * duplicate-key error that follows means "already applied" (once the document exists: a first
 * duplicate may be a race to create it, and is tried again). The list keeps the newest `keep`
 * ids (`$push` with `$slice`; FerretDB 1.24 ignores `$slice`, so there it grows unbounded).
 * The guard field is written only through these helpers.
 */
export async function applyOnce(
  target: IdempotentTarget,
  filter: EffectFilter,
  update: EffectUpdate,
  eventId: string,
  options: ApplyOnceOptions = {},
): Promise<boolean> {
  return applyGuarded(collectionOf(target), filter, update, [eventId], options);
}

/**
 * `applyOnce` for the events of a batch handler, in one round trip: the effects on each
 * document are merged into one update where their operators allow (see `coalesceEffects`),
 * guarded by all their event ids, and the updates go in one ordered bulk write. Effects whose
 * event a document has already applied are skipped.
 */
export async function applyOnceBulk(
  target: IdempotentTarget,
  effects: readonly EffectOfEvent[],
  options: ApplyOnceOptions = {},
): Promise<void> {
  if (effects.length === 0) return;
  const collection = collectionOf(target);
  // A merged group must fit the kept ids whole, or its own ids would be forgotten at once.
  const groups = coalesceEffects(
    effects,
    Math.max(1, Math.floor((options.keep ?? DEFAULT_KEEP) / 2)),
  );
  try {
    await collection.bulkWrite(
      groups.map((group) => ({
        updateOne: {
          ...guard(
            group.filter,
            group.update,
            group.parts.map((p) => p.eventId),
            options,
          ),
          upsert: true,
        },
      })),
      { ordered: true },
    );
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // A duplicate stopped the bulk somewhere (MongoDB says where, FerretDB 1.24 reports a wrong
  // index), so some of these events were applied before. Every update is guarded, so going
  // over all groups again is safe; each looks up which of its events its document has already
  // applied (one read by _id, cheaper than a failed upsert) and applies the rest.
  for (const group of groups) await applyRemaining(collection, group, options);
}

async function applyRemaining(
  collection: mongo.Collection<mongo.Document>,
  group: CoalescedEffect,
  options: ApplyOnceOptions,
): Promise<void> {
  const field = options.field ?? 'applied';
  const document = await collection.findOne(
    { _id: group.filter._id } as mongo.Filter<mongo.Document>,
    {
      projection: { [field]: 1 },
    },
  );
  const applied = new Set<unknown>(Array.isArray(document?.[field]) ? document[field] : []);
  const remaining = group.parts.filter((part) => !applied.has(part.eventId));
  if (remaining.length === 0) return;
  const [merged, ...rest] = coalesceEffects(remaining, remaining.length);
  if (merged && rest.length === 0) {
    const ids = merged.parts.map((part) => part.eventId);
    if (await applyGuarded(collection, merged.filter, merged.update, ids, options)) return;
    // One event: applied meanwhile, or its precondition does not hold. Either way, done.
    if (remaining.length === 1) return;
  }
  // Another writer applied some of them meanwhile.
  for (const part of remaining)
    await applyGuarded(collection, part.filter, part.update, [part.eventId], options);
}

const DEFAULT_KEEP = 1000;

async function applyGuarded(
  collection: mongo.Collection<mongo.Document>,
  filter: EffectFilter,
  update: EffectUpdate,
  eventIds: readonly string[],
  options: ApplyOnceOptions,
): Promise<boolean> {
  const guarded = guard(filter, update, eventIds, options);
  // Two attempts: a first duplicate key is also what two writers get who create the same new
  // document at once (two consumers, each with its own event for one staff member): the
  // loser's effect is not applied yet. Tried again, the document exists, so a duplicate now
  // can only mean the event was applied (or the effect's precondition does not hold).
  for (let attempt = 1; ; attempt += 1) {
    try {
      await collection.updateOne(guarded.filter, guarded.update, { upsert: true });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (attempt === 2) return false;
    }
  }
}

function guard(
  filter: EffectFilter,
  update: EffectUpdate,
  eventIds: readonly string[],
  options: ApplyOnceOptions,
): { filter: mongo.Filter<mongo.Document>; update: mongo.UpdateFilter<mongo.Document> } {
  const field = options.field ?? 'applied';
  const keep = options.keep ?? DEFAULT_KEEP;
  const push = update['$push'] ?? {};
  if (field in filter || Object.values(update).some((fields) => field in fields)) {
    throw new Error(`applyOnce: "${field}" is the idempotency guard; the effect must not write it`);
  }
  const seen = eventIds.length === 1 ? { $ne: eventIds[0] } : { $nin: [...eventIds] };
  return {
    // The driver's Filter<Document> assumes ObjectId ids; effects use any `_id` type.
    filter: { ...filter, [field]: seen } as mongo.Filter<mongo.Document>,
    update: {
      ...update,
      $push: { ...push, [field]: { $each: [...eventIds], $slice: -keep } },
    } as mongo.UpdateFilter<mongo.Document>,
  };
}

function collectionOf(target: IdempotentTarget): mongo.Collection<mongo.Document> {
  return 'modelName' in target ? target.collection : target;
}

function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; writeErrors?: unknown };
  if (candidate.code === DUPLICATE_KEY) return true;
  const writeErrors = Array.isArray(candidate.writeErrors)
    ? candidate.writeErrors
    : [candidate.writeErrors];
  return writeErrors.some((e) => (e as { code?: unknown } | undefined)?.code === DUPLICATE_KEY);
}
