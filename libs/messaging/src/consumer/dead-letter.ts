import { deadLetterTopic } from '@thc/contracts';
import { KafkaMessage, Message, Producer } from 'kafkajs';

/** Headers a dead-lettered message carries besides its original ones; declared once here. */
export const DEAD_LETTER_HEADERS = {
  error: 'thc-dlq-error',
  errorType: 'thc-dlq-error-type',
  attempts: 'thc-dlq-attempts',
  originTopic: 'thc-dlq-origin-topic',
  originPartition: 'thc-dlq-origin-partition',
  originOffset: 'thc-dlq-origin-offset',
  group: 'thc-dlq-group',
  time: 'thc-dlq-time',
} as const;

/** A message the group gives up on, with why and where it came from. */
export interface DeadLetter {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly error: Error;
  readonly attempts: number;
  readonly at: Date;
}

// Kafka headers are not a log: a stack trace or a huge message would bloat every copy.
const MAX_ERROR_LENGTH = 1000;

/** The dead-letter copy: same key and value, the original headers plus the error headers. */
export function deadLetterMessage(letter: DeadLetter): Message {
  const { message } = letter;
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.error]: letter.error.message.slice(0, MAX_ERROR_LENGTH),
      [DEAD_LETTER_HEADERS.errorType]: letter.error.name,
      [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
      [DEAD_LETTER_HEADERS.originTopic]: letter.topic,
      [DEAD_LETTER_HEADERS.originPartition]: String(letter.partition),
      [DEAD_LETTER_HEADERS.originOffset]: message.offset,
      [DEAD_LETTER_HEADERS.group]: letter.group,
      [DEAD_LETTER_HEADERS.time]: letter.at.toISOString(),
    },
  };
}

/** Writes dead letters to `<topic>.dlq.<group>` and waits for every in-sync replica. */
export class DeadLetterPublisher {
  constructor(private readonly producer: Producer) {}

  async publish(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic(letter.topic, letter.group),
      acks: -1,
      messages: [deadLetterMessage(letter)],
    });
  }
}
