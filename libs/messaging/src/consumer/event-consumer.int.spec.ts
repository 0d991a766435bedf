import { deadLetterTopic } from '@thc/contracts';
import { eventually, TcpProxy, TestNamespace } from '@thc/testing';
import { Kafka, Producer } from 'kafkajs';
import { Connection, mongo } from 'mongoose';
import { register } from 'prom-client';
import { applyOnce } from '../idempotency/apply-once';
import { cloudEventMessage } from '../jest/cloud-event-message';
import { messageCount, TopicReader } from '../jest/topic-reader';
import { ConsumedEvent } from './consumed-event';
import { EventConsumer, EventConsumerOptions } from './event-consumer';

const GOOD = 'thc.test.Good.v1';

describe('event consumer on a real broker and database', () => {
  const ns = new TestNamespace('event-consumer');
  let kafka: Kafka;
  let producer: Producer;
  let connection: Connection;
  const running: EventConsumer[] = [];

  /** A topic (and the dead-letter topic of `group` on it) that the namespace cleans up. */
  async function topicFor(name: string, group: string, partitions = 1): Promise<string> {
    const topic = ns.topic(name);
    ns.topic(`${name}.dlq.${group}`);
    await ns.createTopics([topic], partitions);
    return topic;
  }

  async function consume(options: EventConsumerOptions): Promise<EventConsumer> {
    const consumer = new EventConsumer(kafka, {
      retryBaseDelayMs: 10,
      lagRefreshMs: 0,
      ...options,
    });
    running.push(consumer);
    await consumer.start();
    return consumer;
  }

  async function committed(group: string, topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    await admin.disconnect();
    return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  }

  beforeAll(async () => {
    kafka = ns.kafka();
    producer = kafka.producer();
    await producer.connect();
    connection = await ns.connect('consumer');
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });

  afterAll(async () => {
    await producer.disconnect();
    await ns.dispose();
  });

  it('dead-letters poison messages with the error in headers, and the partition moves on', async () => {
    const group = ns.group('poison');
    const topic = await topicFor('poison', group);
    const handled: string[] = [];
    await consume({
      groupId: group,
      topics: [topic],
      maxAttempts: 3,
      validate: (event) =>
        event.type.endsWith('Invalid.v1') ? 'data breaks the contract' : undefined,
      handler: async (event) => {
        if (event.type.endsWith('Explodes.v1')) throw new RangeError('handler always fails');
        handled.push(event.id);
      },
    });
    const good = cloudEventMessage(GOOD, { ok: true }, { id: 'good-1' });
    await producer.send({
      topic,
      messages: [
        { key: 'stream-1', value: '{}' },
        { ...cloudEventMessage(GOOD, {}), value: 'not json' },
        cloudEventMessage('thc.test.Explodes.v1', {}),
        cloudEventMessage('thc.test.Invalid.v1', {}),
        good,
      ],
    });

    await eventually(async () => expect(handled).toEqual(['good-1']));
    const dlq = await new TopicReader(
      kafka,
      deadLetterTopic(topic, group),
      ns.group('poison-dlq'),
    ).start();
    await eventually(async () => expect(dlq.messages).toHaveLength(4));
    await dlq.stop();
    expect(
      dlq.messages.map((m) => [
        m.headers['thc-dlq-error-type'],
        m.headers['thc-dlq-attempts'],
        m.headers['thc-dlq-origin-offset'],
      ]),
    ).toEqual([
      ['PoisonMessageError', '1', '0'],
      ['PoisonMessageError', '1', '1'],
      ['RangeError', '3', '2'],
      ['ContractViolationError', '1', '3'],
    ]);
    expect(dlq.messages[2]?.headers).toMatchObject({
      'thc-dlq-error': 'handler always fails',
      'thc-dlq-origin-topic': topic,
      'thc-dlq-origin-partition': '0',
      'thc-dlq-group': group,
      ce_type: 'thc.test.Explodes.v1',
    });
    await eventually(async () => expect(await committed(group, topic)).toBe(5));
  });

  it('applies a redelivered event once when the handler uses applyOnce', async () => {
    const group = ns.group('redelivery');
    const topic = await topicFor('redelivery', group);
    const tallies = connection.collection('tallies');
    const seen: string[] = [];
    await consume({
      groupId: group,
      topics: [topic],
      handler: async (event) => {
        await applyOnce(tallies, { _id: event.type }, { $inc: { count: 1 } }, event.id);
        seen.push(event.id);
      },
    });
    const booked = cloudEventMessage(GOOD, { n: 1 }, { id: 'booked-1' });
    await producer.send({
      topic,
      messages: [booked, booked, cloudEventMessage('thc.test.Marker.v1', {}, { id: 'marker' })],
    });

    await eventually(async () => expect(seen).toEqual(['booked-1', 'booked-1', 'marker']));
    expect(await tallies.findOne({ _id: GOOD as never })).toMatchObject({
      count: 1,
      applied: ['booked-1'],
    });
  });

  it('finishes and commits the message in flight on stop: a restarted group gets only the rest', async () => {
    const group = ns.group('graceful');
    const topic = await topicFor('graceful', group);
    await producer.send({
      topic,
      messages: Array.from({ length: 10 }, (_, n) =>
        cloudEventMessage(GOOD, { n }, { id: `e${n}` }),
      ),
    });
    const first: string[] = [];
    const slow = async (event: ConsumedEvent): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      first.push(event.id);
    };
    const consumer = await consume({ groupId: group, topics: [topic], handler: slow });
    await eventually(async () => expect(first.length).toBeGreaterThanOrEqual(3));
    await consumer.stop();
    running.splice(running.indexOf(consumer), 1);
    const handledBeforeStop = first.length;
    expect(handledBeforeStop).toBeLessThan(10);
    expect(await committed(group, topic)).toBe(handledBeforeStop);

    const second: string[] = [];
    await consume({
      groupId: group,
      topics: [topic],
      handler: async (event) => void second.push(event.id),
    });
    await eventually(async () => expect(second).toHaveLength(10 - handledBeforeStop));
    expect([...first, ...second]).toEqual(Array.from({ length: 10 }, (_, n) => `e${n}`));
  });

  it('pauses while MongoDB is unreachable and resumes when it answers, without spending attempts', async () => {
    const group = ns.group('outage');
    const topic = await topicFor('outage', group);
    // MongoDB behind a relay the test can cut: the driver sees a genuine outage.
    const mongoAddress = new URL(ns.mongoUrl);
    const proxy = new TcpProxy(mongoAddress.hostname, Number(mongoAddress.port || 27017));
    const port = await proxy.start();
    const client = new mongo.MongoClient(`mongodb://127.0.0.1:${port}/`, {
      directConnection: true,
      serverSelectionTimeoutMS: 300,
      heartbeatFrequencyMS: 500,
    });
    await client.connect();
    const effects = client.db(ns.database('consumer')).collection('outage_effects');
    const count = async (): Promise<unknown> =>
      (await connection.collection('outage_effects').findOne({ _id: 'effect' as never }))?.[
        'count'
      ];
    await consume({
      groupId: group,
      topics: [topic],
      maxAttempts: 1,
      handler: async (event) =>
        void (await applyOnce(effects, { _id: 'effect' }, { $inc: { count: 1 } }, event.id)),
    });
    await producer.send({
      topic,
      messages: [cloudEventMessage(GOOD, {}, { id: 'before-outage' })],
    });
    await eventually(async () => expect(await count()).toBe(1));

    await proxy.cut();
    await producer.send({
      topic,
      messages: [cloudEventMessage(GOOD, {}, { id: 'during-outage' })],
    });
    await eventually(async () =>
      expect(await consumerMetric('thc_consumer_paused_partitions', group)).toBe(1),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // several failed tries, none counted
    await proxy.start();

    await eventually(async () => expect(await count()).toBe(2));
    await client.close();
    await proxy.cut();
    expect(await consumerMetric('thc_consumer_paused_partitions', group)).toBe(0);
    expect(await consumerMetric('thc_consumer_retries_total', group)).toBe(0);
    expect(await messageCount(kafka, deadLetterTopic(topic, group))).toBe(0);
  });
});

async function consumerMetric(name: string, group: string): Promise<number> {
  const metric = await register.getSingleMetric(name)?.get();
  return metric?.values.find((v) => v.labels['group'] === group)?.value ?? 0;
}
