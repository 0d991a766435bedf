import { eventually, TestNamespace } from '@thc/testing';
import { Kafka, Producer } from 'kafkajs';
import { cloudEventMessage } from '../jest/cloud-event-message';
import { EventConsumer } from './event-consumer';

describe('a handler slower than the session timeout', () => {
  const ns = new TestNamespace('long-handler');
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    kafka = ns.kafka();
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await ns.dispose();
  });

  it('keeps its partition (heartbeats while it runs) and is handled once', async () => {
    const group = ns.group('slow');
    const topic = ns.topic('slow');
    ns.topic(`slow.dlq.${group}`);
    await ns.createTopics([topic], 1);
    const calls: string[] = [];
    // 6 s is the broker's minimum session timeout; the handler takes longer than that.
    const consumer = new EventConsumer(kafka, {
      groupId: group,
      topics: [topic],
      lagRefreshMs: 0,
      heartbeatIntervalMs: 1000,
      kafka: { sessionTimeout: 6000, heartbeatInterval: 1000 },
      handler: async (event) => {
        calls.push(event.id);
        await new Promise((resolve) => setTimeout(resolve, 8000));
      },
    });
    await consumer.start();
    try {
      await producer.send({
        topic,
        messages: [cloudEventMessage('thc.test.Slow.v1', {}, { id: 'slow-1' })],
      });
      await eventually(
        async () => {
          const [committed] = await consumer.refreshLag();
          expect(committed?.lag).toBe(0);
        },
        { timeoutMs: 20_000, intervalMs: 500 },
      );
      expect(calls).toEqual(['slow-1']);
    } finally {
      await consumer.stop();
    }
  });
});
