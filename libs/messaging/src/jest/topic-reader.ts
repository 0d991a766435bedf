import { Consumer, IHeaders, Kafka } from 'kafkajs';

/** A message as the tests look at it: where it is, its key, headers as strings, its value. */
export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string;
}

/**
 * Reads a topic from the beginning with a plain kafkajs consumer, independent of the code
 * under test, and collects what arrives.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    group: string,
  ) {
    this.consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 500 });
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        this.messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          headers: stringHeaders(message.headers ?? {}),
          value: message.value?.toString() ?? '',
        });
      },
    });
    return this;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

/** Number of messages ever written to a topic (sum of its partitions' end offsets). */
export async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

function stringHeaders(headers: IHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined) result[name] = single.toString();
  }
  return result;
}
