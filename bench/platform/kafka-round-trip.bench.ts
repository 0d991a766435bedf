import { Kafka, logLevel } from 'kafkajs';
import { sleepUntil } from './sleep-until';

export interface KafkaRoundTrip {
  readonly messages: number;
  readonly perSecond: number;
  /** Milliseconds from `send` called to the message handed to `eachMessage`, per message. */
  readonly ms: readonly number[];
}

const MESSAGES = 200;
const PER_SECOND = 20;
const TIMEOUT_MS = 60_000;

/**
 * The floor under every figure of the platform run: plain kafkajs, one message at a time, from
 * a producer with the outbox relay's settings (idempotent, acks=all, one request in flight) to
 * a consumer with EventConsumer's fetch wait (1 s), on a topic of the run's own, same broker.
 * A platform path adds the event store, the relay's poll and the consumers' writes on top.
 */
export async function measureKafkaRoundTrip(
  brokers: string,
  topicPrefix: string,
): Promise<KafkaRoundTrip> {
  const kafka = new Kafka({
    clientId: `${topicPrefix}round-trip`,
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const topic = `${topicPrefix}bench.round-trip`;
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: topic, maxWaitTimeInMs: 1000 });
  await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const sentAt = new Map<string, number>();
    const ms: number[] = [];
    let allReceived: () => void = () => undefined;
    const received = new Promise<void>((resolve) => (allReceived = resolve));
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const sent = sentAt.get(message.value?.toString() ?? '');
        if (sent === undefined) return;
        ms.push(performance.now() - sent);
        if (ms.length === MESSAGES) allReceived();
      },
    });
    // Sending before the group is joined would measure the join, not the round trip.
    await joined;
    const started = performance.now();
    const sends: Promise<unknown>[] = [];
    for (let n = 0; n < MESSAGES; n++) {
      await sleepUntil(started + (n * 1000) / PER_SECOND);
      const key = String(n);
      sentAt.set(key, performance.now());
      sends.push(producer.send({ topic, acks: -1, messages: [{ key, value: key }] }));
    }
    await Promise.all(sends);
    await within(
      received,
      TIMEOUT_MS,
      `only ${ms.length} of ${MESSAGES} round-trip messages came back`,
    );
    return { messages: MESSAGES, perSecond: PER_SECOND, ms };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteGroups([topic]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

function within(promise: Promise<void>, ms: number, failure: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(failure)), ms))),
  ]).finally(() => clearTimeout(timer));
}
