import { toKafkaHeaders } from '@thc/contracts';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** What a test writes to a topic: the event's CloudEvents attributes (id minted if left out). */
export interface ProducedEvent {
  readonly type: string;
  readonly source: string;
  readonly subject: string;
  readonly data: object;
  readonly id?: string;
}

/**
 * Writes one event to a topic as a relay does (keyed by its subject, the data as the value, the
 * attributes in CloudEvents headers), or as anyone holding a client credential could. Its id.
 */
export async function produceEvent(
  producer: Producer,
  topic: string,
  { type, source, subject, data, id = randomUUID() }: ProducedEvent,
): Promise<string> {
  await producer.send({
    topic,
    messages: [
      {
        key: subject,
        value: JSON.stringify(data),
        headers: toKafkaHeaders({ id, source, type, subject, time: new Date().toISOString() }),
      },
    ],
  });
  return id;
}
