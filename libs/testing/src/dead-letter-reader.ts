import { deadLetterTopic } from '@thc/contracts';
import { Consumer, Kafka } from 'kafkajs';

/** A dead-lettered message as an operator reads it: the event id and the dead-letter headers. */
export interface ReadDeadLetter {
  readonly eventId: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Reads a consumer group's dead-letter topic from the beginning with a plain kafkajs consumer,
 * independent of the runtime under test.
 */
export class DeadLetterReader {
  readonly letters: ReadDeadLetter[] = [];
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    /** Deployed names, as the service under test resolves them. */
    private readonly origin: { readonly topic: string; readonly group: string },
    readerGroup: string,
  ) {
    this.consumer = kafka.consumer({ groupId: readerGroup, maxWaitTimeInMs: 500 });
  }

  get topic(): string {
    return deadLetterTopic(this.origin.topic, this.origin.group);
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          const single = Array.isArray(value) ? value[0] : value;
          if (single !== undefined) headers[name] = single.toString();
        }
        this.letters.push({ eventId: headers['ce_id'] ?? '', headers });
      },
    });
    return this;
  }

  of(eventId: string): ReadDeadLetter | undefined {
    return this.letters.find((letter) => letter.eventId === eventId);
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
