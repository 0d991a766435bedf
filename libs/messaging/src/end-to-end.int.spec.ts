import { context, SpanContext, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { MongoEventStore } from '@thc/event-store';
import { eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { ConsumedEvent } from './consumer/consumed-event';
import { EventConsumer } from './consumer/event-consumer';
import { OutboxRelay } from './relay/outbox-relay';

const TYPE = 'thc.test.Counted.v1';

describe('from append to handler, through the outbox relay and Kafka', () => {
  const ns = new TestNamespace('end-to-end');
  const spans = new InMemorySpanExporter();
  const contextManager = new AsyncLocalStorageContextManager();
  const handled: { event: ConsumedEvent; activeSpan?: SpanContext }[] = [];
  let store: MongoEventStore;
  let producer: Producer;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let topic: string;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    );
    const kafka = ns.kafka();
    topic = ns.topic('events');
    const group = ns.group('e2e');
    ns.topic(`events.dlq.${group}`);
    await ns.createTopics([topic]);
    store = new MongoEventStore(await ns.connect('service'));
    await store.init();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    relay = new OutboxRelay(store, producer, { source: '/thc/test', topic, pollIntervalMs: 10 });
    consumer = new EventConsumer(kafka, {
      groupId: group,
      topics: [topic],
      lagRefreshMs: 0,
      handler: async (event) =>
        void handled.push({ event, activeSpan: trace.getActiveSpan()?.spanContext() }),
    });
    relay.start();
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await producer?.disconnect();
    await ns.dispose();
    trace.disable();
    context.disable();
  });

  it('hands every stream to the handler in the order it was appended', async () => {
    const streams = [
      'appointment-1',
      'appointment-2',
      'appointment-3',
      'appointment-4',
      'appointment-5',
    ];
    // Single appends and multi-event appends, several streams at once.
    await Promise.all(
      streams.map(async (stream) => {
        let version = 0;
        for (const size of [1, 3, 1, 2, 1, 4]) {
          const events = Array.from({ length: size }, (_, i) => ({
            type: TYPE,
            data: { seq: version + i + 1 },
          }));
          version = (await store.append(stream, version === 0 ? 'noStream' : version, events))
            .nextExpectedVersion;
        }
      }),
    );

    await eventually(async () =>
      expect(handled.filter((h) => streams.includes(h.event.subject))).toHaveLength(60),
    );
    for (const stream of streams) {
      const seqs = handled
        .filter((h) => h.event.subject === stream)
        .map((h) => (h.event.data as { seq: number }).seq);
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
  });

  it('continues the trace of the request that appended the event in the consumer span', async () => {
    let request: SpanContext | undefined;
    const eventId = await trace
      .getTracer('test')
      .startActiveSpan('POST /api/v1/appointments', async (span) => {
        request = span.spanContext();
        const { events } = await store.append('appointment-traced', 'noStream', [
          { type: TYPE, data: { seq: 1 } },
        ]);
        span.end();
        return events[0]?.id;
      });

    const delivery = await eventually(async () => {
      const found = handled.find((h) => h.event.id === eventId);
      expect(found).toBeDefined();
      return found;
    });
    const consumerSpan = spans
      .getFinishedSpans()
      .find(
        (s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.message.id'] === eventId,
      );
    expect(consumerSpan?.spanContext().traceId).toBe(request?.traceId);
    expect(consumerSpan?.parentSpanContext?.spanId).toBe(request?.spanId);
    expect(delivery?.activeSpan?.spanId).toBe(consumerSpan?.spanContext().spanId);
    expect(consumerSpan?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.operation.type': 'process',
      'messaging.consumer.group.name': ns.group('e2e'),
      'messaging.kafka.message.key': 'appointment-traced',
      'messaging.kafka.offset': Number(delivery?.event.offset),
      'messaging.destination.partition.id': String(delivery?.event.partition),
      'cloudevents.event_type': TYPE,
    });
    const relaySpan = spans
      .getFinishedSpans()
      .find(
        (s) =>
          s.kind === SpanKind.PRODUCER &&
          s.links.some((l) => l.context.traceId === request?.traceId),
      );
    expect(relaySpan?.name).toBe(`send ${topic}`);
  });
});
