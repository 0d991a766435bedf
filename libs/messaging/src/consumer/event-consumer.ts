import { Logger } from '@nestjs/common';
import { deadLetterTopic, fromKafkaHeaders } from '@thc/contracts';
import { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { ConsumedEvent, EventHandler } from './consumed-event';

export interface EventConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  readonly fromBeginning?: boolean;
  /** Attempts before a message goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly retryBaseDelayMs?: number;
}

/**
 * Runs one consumer group. A message is handed to the handler at most `maxAttempts` times with
 * exponential backoff; after that it is written to `<topic>.dlq.<group>` with the error in
 * headers and the partition moves on. Offsets are committed only after the handler (or the
 * dead-letter write) has finished, so a crash means redelivery, never loss; handlers are
 * idempotent by event id.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;

  constructor(
    kafka: Kafka,
    private readonly options: EventConsumerOptions,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: true });
    this.dlqProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async start(): Promise<void> {
    await this.dlqProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({ autoCommit: true, eachMessage: (payload) => this.handle(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const event = decode(topic, partition, message);
        await this.options.handler(event);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        if (lastError instanceof PoisonMessageError) break;
        await heartbeat();
        await delay((this.options.retryBaseDelayMs ?? 100) * 2 ** (attempt - 1));
      }
    }
    await this.deadLetter(topic, partition, message, lastError ?? new Error('unknown'), maxAttempts);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    error: Error,
    attempts: number,
  ): Promise<void> {
    const dlq = deadLetterTopic(topic, this.options.groupId);
    this.logger.warn(`dead-lettering ${topic}[${partition}]@${message.offset} to ${dlq}: ${error.message}`);
    await this.dlqProducer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'thc-dlq-error': error.message.slice(0, 1000),
            'thc-dlq-error-type': error.name,
            'thc-dlq-attempts': String(attempts),
            'thc-dlq-origin': `${topic}:${partition}:${message.offset}`,
            'thc-dlq-group': this.options.groupId,
          },
        },
      ],
    });
  }
}

/** A message that can never be handled (not a CloudEvent, not JSON): retrying cannot help. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

function decode(topic: string, partition: number, message: EachMessagePayload['message']): ConsumedEvent {
  const decoded = fromKafkaHeaders(message.headers ?? {});
  if (!decoded.ok) throw new PoisonMessageError(decoded.reason);
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString() ?? '');
  } catch {
    throw new PoisonMessageError('message value is not JSON');
  }
  return { ...decoded.attributes, data, topic, partition, offset: message.offset };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
