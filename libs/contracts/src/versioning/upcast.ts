import { allUpcasters, eventDefinition } from '../registry/event-registry';
import type { EventUpcaster } from '../registry/event-definition';

function checkedChain(upcasters: readonly EventUpcaster[]): ReadonlyMap<string, EventUpcaster> {
  const chain = new Map<string, EventUpcaster>();
  for (const upcaster of upcasters) {
    const from = eventDefinition(upcaster.from);
    const to = eventDefinition(upcaster.to);
    // One step, same event, next version: this is what makes the chain end and never loop.
    if (!from || !to || from.name !== to.name || to.version !== from.version + 1) {
      throw new Error(`upcaster ${upcaster.from} -> ${upcaster.to} must go to the next version`);
    }
    if (chain.has(upcaster.from)) throw new Error(`two upcasters from ${upcaster.from}`);
    chain.set(upcaster.from, upcaster);
  }
  return chain;
}

const chain = checkedChain(allUpcasters());

/**
 * Brings an event to the latest version of its type by applying upcasters v1 -> v2 -> ...,
 * so a stream written before a schema change still loads. Other fields of the event (id,
 * stream version, metadata) are kept; an unknown or latest-version type is returned as is.
 * The data is trusted to match its type: validate it first when it comes from outside.
 */
export function upcast<E extends { readonly type: string; readonly data: unknown }>(
  event: E,
): Omit<E, 'type' | 'data'> & { readonly type: string; readonly data: unknown } {
  let { type, data } = event;
  for (let step = chain.get(type); step; step = chain.get(type)) {
    // The chain is keyed by type, so the data is this upcaster's input type.
    data = (step.upcast as (input: unknown) => unknown)(data);
    type = step.to;
  }
  return { ...event, type, data };
}

/** The type an event of `type` becomes once upcast: the latest version of that event. */
export function latestTypeOf(type: string): string {
  let latest = type;
  for (let step = chain.get(latest); step; step = chain.get(latest)) latest = step.to;
  return latest;
}
