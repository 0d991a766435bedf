import { EffectFilter, EffectOfEvent, EffectUpdate } from './effect';

/** Consecutive effects on one document merged into one update, with the events they stand for. */
export interface CoalescedEffect {
  readonly filter: EffectFilter;
  readonly update: EffectUpdate;
  readonly parts: readonly EffectOfEvent[];
}

type Fields = Record<string, unknown>;
type Merge = (earlier: unknown, later: unknown) => { ok: true; value: unknown } | { ok: false };

const ok = (value: unknown) => ({ ok: true as const, value });
const no = { ok: false as const };

// How two updates of one field by the same operator combine into one, so that applying the
// result equals applying both in order. Operators missing here are never merged.
const MERGES: Readonly<Record<string, Merge>> = {
  $inc: (a, b) => (typeof a === 'number' && typeof b === 'number' ? ok(a + b) : no),
  $set: (_, b) => ok(b),
  $setOnInsert: (a) => ok(a),
  $unset: (a) => ok(a),
  $max: (a, b) => extreme(a, b, 1),
  $min: (a, b) => extreme(a, b, -1),
  $push: (a, b) => concatenated(a, b),
  $addToSet: (a, b) => concatenated(a, b),
};

/**
 * Merges the effects on each document into as few updates as possible, keeping each document's
 * effects in order (effects on different documents commute). A group closes at `maxPerGroup`
 * events, or when the next effect cannot be merged (another operator, a conflicting path).
 * Projections that keep counters per bucket receive many events per document, so a batch of
 * events becomes a handful of writes.
 */
export function coalesceEffects(
  effects: readonly EffectOfEvent[],
  maxPerGroup: number,
): CoalescedEffect[] {
  const groups: { filter: EffectFilter; update: EffectUpdate; parts: EffectOfEvent[] }[] = [];
  const open = new Map<string, (typeof groups)[number]>();
  for (const effect of effects) {
    const key = JSON.stringify(effect.filter._id);
    // Only plain `{ _id }` filters merge: a condition could depend on what an earlier effect wrote.
    const plain = Object.keys(effect.filter).length === 1;
    const group = plain ? open.get(key) : undefined;
    const merged =
      group && group.parts.length < maxPerGroup
        ? mergeUpdates(group.update, effect.update)
        : undefined;
    if (group && merged) {
      group.update = merged;
      group.parts.push(effect);
      continue;
    }
    const fresh = { filter: effect.filter, update: effect.update, parts: [effect] };
    groups.push(fresh);
    // A later effect on this document may only join a group that comes after this one.
    if (plain) open.set(key, fresh);
    else open.delete(key);
  }
  return groups;
}

/** One update equivalent to `earlier` then `later`, or undefined when there is none. */
export function mergeUpdates(earlier: EffectUpdate, later: EffectUpdate): EffectUpdate | undefined {
  const merged: Record<string, Fields> = {};
  for (const operator of new Set([...Object.keys(earlier), ...Object.keys(later)])) {
    const merge = MERGES[operator];
    if (!merge) return undefined;
    const a: Fields = { ...(earlier[operator as `$${string}`] ?? {}) };
    for (const [path, value] of Object.entries(later[operator as `$${string}`] ?? {})) {
      if (!(path in a)) {
        a[path] = value;
        continue;
      }
      const result = merge(a[path], value);
      if (!result.ok) return undefined;
      a[path] = result.value;
    }
    merged[operator] = a;
  }
  return conflictFree(merged) ? (merged as EffectUpdate) : undefined;
}

// MongoDB refuses an update that names one path twice, or a path and its parent, across operators.
function conflictFree(update: Record<string, Fields>): boolean {
  const paths = Object.values(update).flatMap((fields) => Object.keys(fields));
  if (new Set(paths).size !== paths.length) return false;
  return !paths.some((path) => paths.some((other) => other.startsWith(`${path}.`)));
}

/** The larger (sign 1) or smaller (sign -1) of two numbers or two dates. */
function extreme(
  a: unknown,
  b: unknown,
  sign: 1 | -1,
): { ok: true; value: unknown } | { ok: false } {
  if (typeof a === 'number' && typeof b === 'number') return ok(sign * (b - a) > 0 ? b : a);
  if (a instanceof Date && b instanceof Date)
    return ok(sign * (b.getTime() - a.getTime()) > 0 ? b : a);
  return no;
}

// `$push: { f: v }` and `$push: { f: { $each: [...] } }` both become `$each`; other modifiers
// ($slice, $sort, $position) change what an earlier push means, so they are not merged.
function concatenated(a: unknown, b: unknown): { ok: true; value: unknown } | { ok: false } {
  const first = eachOf(a);
  const second = eachOf(b);
  return first && second ? ok({ $each: [...first, ...second] }) : no;
}

function eachOf(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date)
    return [value];
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.some((k) => k.startsWith('$'))) return [value];
  const each = (value as { $each?: unknown }).$each;
  return keys.length === 1 && Array.isArray(each) ? each : undefined;
}
