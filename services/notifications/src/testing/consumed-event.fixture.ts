import type { ConsumedEvent, EventHandler } from '@thc/messaging';
import { randomUUID } from 'node:crypto';

/** An event as the consumer runtime hands it to a handler, for calling a handler directly. */
export const consumedEvent = (type: string, data: object, source = '/thc/test'): ConsumedEvent => ({
  id: randomUUID(),
  source,
  type,
  subject: 'test',
  time: new Date().toISOString(),
  data,
  topic: 'test',
  partition: 0,
  offset: '0',
});

/** A consumer's per-event handler, called as its runtime calls it (Kafka adds no commands). */
export const handlerOf = (host: object): EventHandler =>
  (host as unknown as { handle: EventHandler }).handle;
