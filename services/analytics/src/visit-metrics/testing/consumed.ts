import type { ConsumedEvent } from '@thc/messaging';
import type { FixtureEvent } from './visit-events.fixture';

/** A fixture event as the consumer runtime would hand it to a handler. */
export function consumed(event: FixtureEvent, offset = 0): ConsumedEvent {
  const context = event.type.split('.')[1] ?? '';
  return {
    id: event.id,
    type: event.type,
    time: event.time,
    source: `/thc/${context}`,
    data: event.data,
    topic: `thc.${context}.v1`,
    partition: 0,
    offset: String(offset),
  } as ConsumedEvent;
}

/** Events in batches of `size`, as the runtime delivers them. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
