import { eventDefinition, streamIdOf, toKafkaHeaders } from '@thc/contracts';
import { Kafka } from 'kafkajs';
import { batches } from './consumed';
import type { FixtureEvent } from './visit-events.fixture';

/**
 * Publishes events as the producing services' relays do: to their context's topic (with the
 * given prefix), keyed by stream id, CloudEvents in headers.
 */
export async function publishEvents(
  kafka: Kafka,
  topicPrefix: string,
  events: readonly FixtureEvent[],
): Promise<void> {
  // Idempotent like the relays' producers: a send retried after "not the leader" (a topic
  // created a moment ago) must not put the same events on the topic twice.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const chunk of batches(events, 2000)) {
      const byTopic = new Map<
        string,
        { key: string; value: string; headers: Record<string, string> }[]
      >();
      for (const event of chunk) {
        const context = event.type.split('.')[1] ?? '';
        const topic = `${topicPrefix}thc.${context}.v1`;
        const key = streamIdOf(event.type, event.data) ?? event.id;
        const headers = toKafkaHeaders({
          id: event.id,
          // The producer the contracts name: consumers refuse any other source for a type.
          source: eventDefinition(event.type)?.source ?? `/thc/${context}`,
          type: event.type,
          subject: key,
          time: event.time,
        }) as Record<string, string>;
        byTopic.set(topic, [
          ...(byTopic.get(topic) ?? []),
          { key, value: JSON.stringify(event.data), headers },
        ]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}
