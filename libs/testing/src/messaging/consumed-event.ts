import { randomUUID } from 'node:crypto';

/**
 * An event as the consumer runtime hands it to a handler (`ConsumedEvent` of @thc/messaging,
 * which imports this library in its own tests, so the shape is spelled out here).
 */
export interface HandledEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly data: unknown;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** An event as the consumer runtime hands it to a handler, for calling a handler directly. */
export function consumedEvent(
  type: string,
  data: object,
  options: { readonly subject?: string; readonly source?: string } = {},
): HandledEvent {
  return {
    id: randomUUID(),
    source: options.source ?? '/thc/test',
    type,
    subject: options.subject ?? 'test',
    time: new Date().toISOString(),
    data,
    topic: 'test',
    partition: 0,
    offset: '0',
  };
}

/** A consumer's per-event handler, called as its runtime calls it (Kafka adds no commands). */
export const handlerOf = (host: object): ((event: HandledEvent) => Promise<void>) =>
  (host as { handle?: (event: HandledEvent) => Promise<void> }).handle ??
  ((): never => {
    throw new Error(`${host.constructor.name} has no per-event handler`);
  });
