import { eventDefinition, streamIdOf, toKafkaHeaders } from '@thc/contracts';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Publishes events as the producing services' relays do: to their context's topic, keyed by
 * stream id, CloudEvents attributes in headers with the source the contracts name. Passing the
 * id of an event published before delivers it again.
 */
export class PublishedEvents {
  constructor(
    private readonly producer: Producer,
    /** The test's name for a topic (TestNamespace.topic). */
    private readonly topicName: (topic: string) => string,
  ) {}

  async publish(type: string, data: object, id: string = randomUUID()): Promise<string> {
    const definition = eventDefinition(type);
    if (!definition) throw new Error(`not a platform event: ${type}`);
    const subject = streamIdOf(type, data) ?? id;
    await this.producer.send({
      topic: this.topicName(definition.topic),
      messages: [
        {
          key: subject,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id,
            source: definition.source,
            type,
            subject,
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    return id;
  }
}
