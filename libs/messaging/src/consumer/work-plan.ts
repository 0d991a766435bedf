import { KafkaMessage } from 'kafkajs';
import { ConsumedEvent, EventValidator } from './consumed-event';
import { decodeMessage } from './decode-message';

/** One step of a partition batch, in offset order. */
export type WorkItem =
  /** Not a valid event: goes to the dead-letter topic without reaching a handler. */
  | { readonly kind: 'rejected'; readonly message: KafkaMessage; readonly error: Error }
  /** Consecutive valid events, handled together (batch handler) or alone (length 1). */
  | {
      readonly kind: 'events';
      readonly messages: readonly KafkaMessage[];
      readonly events: readonly ConsumedEvent[];
    };

/**
 * Splits a fetched batch into work items: runs of up to `maxRun` consecutive valid events,
 * broken by each rejected message so that offsets are still handled strictly in order.
 */
export function planWork(
  topic: string,
  partition: number,
  messages: readonly KafkaMessage[],
  maxRun: number,
  validate?: EventValidator,
): WorkItem[] {
  const items: WorkItem[] = [];
  let run: { messages: KafkaMessage[]; events: ConsumedEvent[] } | undefined;
  for (const message of messages) {
    const decoded = decodeMessage(topic, partition, message, validate);
    if (!decoded.ok) {
      run = undefined;
      items.push({ kind: 'rejected', message, error: decoded.error });
      continue;
    }
    if (!run || run.events.length >= maxRun) {
      run = { messages: [], events: [] };
      items.push({ kind: 'events', ...run });
    }
    run.messages.push(message);
    run.events.push(decoded.event);
  }
  return items;
}
