import { toKafkaHeaders } from '@thc/contracts';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Publishes one event as its producing service would (CloudEvents headers, key = stream). */
export async function publish(
  producer: Producer,
  topic: string,
  event: { type: string; source: string; subject: string; data: object },
): Promise<void> {
  await producer.send({
    topic,
    messages: [
      {
        key: event.subject,
        value: JSON.stringify(event.data),
        headers: toKafkaHeaders({
          id: randomUUID(),
          source: event.source,
          type: event.type,
          subject: event.subject,
          time: new Date().toISOString(),
        }),
      },
    ],
  });
}
