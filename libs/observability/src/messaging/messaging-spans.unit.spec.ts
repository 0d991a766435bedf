import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { currentTraceCarrier } from '../trace-context';
import { startConsumerBatchSpan } from './consumer-batch-span';
import { startConsumerSpan } from './consumer-span';
import { endSpan } from './end-span';
import { startPublishSpan } from './publish-span';

describe('messaging spans', () => {
  const exporter = new InMemorySpanExporter();
  const appended = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: TraceFlags.SAMPLED,
  };
  const carrier = currentTraceCarrier(trace.setSpanContext(ROOT_CONTEXT, appended));

  beforeAll(() =>
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    ),
  );
  afterEach(() => exporter.reset());
  afterAll(() => trace.disable());

  it('continues the producer trace in a CONSUMER span with the messaging attributes', () => {
    const { span, context } = startConsumerSpan({
      topic: 'thc.scheduling.v1',
      partition: 2,
      offset: '41',
      group: 'thc.analytics',
      key: 'appointment-1',
      eventId: 'e-1',
      eventType: 'thc.scheduling.AppointmentBooked.v1',
      carrier,
    });
    expect(trace.getSpan(context)).toBe(span);
    endSpan(span);

    const [finished] = exporter.getFinishedSpans();
    expect(finished?.kind).toBe(SpanKind.CONSUMER);
    expect(finished?.spanContext().traceId).toBe(appended.traceId);
    expect(finished?.parentSpanContext?.spanId).toBe(appended.spanId);
    expect(finished?.attributes).toEqual({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'thc.scheduling.v1',
      'messaging.destination.partition.id': '2',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.operation': 'process',
      'messaging.consumer.group.name': 'thc.analytics',
      'messaging.kafka.message.key': 'appointment-1',
      'messaging.kafka.offset': 41,
      'messaging.message.id': 'e-1',
      'cloudevents.event_id': 'e-1',
      'cloudevents.event_type': 'thc.scheduling.AppointmentBooked.v1',
    });
  });

  it('starts a new trace for a message that carries no context', () => {
    const { span } = startConsumerSpan({
      topic: 't',
      partition: 0,
      offset: '0',
      group: 'g',
      carrier: {},
    });
    endSpan(span);
    expect(exporter.getFinishedSpans()[0]?.parentSpanContext).toBeUndefined();
  });

  it('records a failure by error type only, keeping the message (which may quote data) out', () => {
    const { span } = startConsumerSpan({
      topic: 't',
      partition: 0,
      offset: '0',
      group: 'g',
      carrier,
    });
    endSpan(span, new TypeError('patient Jane Doe has no slot'));
    const [finished] = exporter.getFinishedSpans();
    expect(finished?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'TypeError' });
    expect(finished?.attributes['error.type']).toBe('TypeError');
    expect(JSON.stringify(finished?.attributes)).not.toContain('Jane');
  });

  it('makes a relay batch a root PRODUCER span linked to the traces of its events', () => {
    endSpan(
      startPublishSpan({ topic: 'thc.scheduling.v1', messageCount: 2, carriers: [carrier, {}] }),
    );
    const batch = exporter.getFinishedSpans().find((s) => s.parentSpanContext === undefined);
    expect(batch?.kind).toBe(SpanKind.PRODUCER);
    expect(batch?.links.map((l) => l.context.traceId)).toEqual([appended.traceId]);
    expect(batch?.attributes['messaging.batch.message_count']).toBe(2);
  });

  it("puts the publish of each traced event into that event's own trace, ended with the batch", () => {
    const batch = startPublishSpan({
      topic: 'thc.scheduling.v1',
      messageCount: 2,
      carriers: [carrier, {}],
    });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    endSpan(batch, new Error('broker gone'));
    const perEvent = exporter.getFinishedSpans().filter((s) => s.parentSpanContext !== undefined);
    expect(perEvent).toHaveLength(1);
    expect(perEvent[0]?.spanContext().traceId).toBe(appended.traceId);
    expect(perEvent[0]?.parentSpanContext?.spanId).toBe(appended.spanId);
    expect(perEvent[0]?.kind).toBe(SpanKind.PRODUCER);
    expect(perEvent[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(perEvent[0]?.attributes['messaging.destination.name']).toBe('thc.scheduling.v1');
  });

  it("shows a batch handler call in each message's trace as a CONSUMER span", () => {
    endSpan(
      startConsumerBatchSpan({
        topic: 'thc.scheduling.v1',
        partition: 1,
        group: 'thc.analytics',
        messageCount: 2,
        carriers: [carrier, {}],
        messages: [{ key: 'appointment-1', eventId: 'e-1' }, { key: 'appointment-2' }],
      }),
    );
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(2);
    const inTrace = spans.find((s) => s.spanContext().traceId === appended.traceId);
    expect(inTrace?.kind).toBe(SpanKind.CONSUMER);
    expect(inTrace?.parentSpanContext?.spanId).toBe(appended.spanId);
    expect(inTrace?.attributes['messaging.consumer.group.name']).toBe('thc.analytics');
    // The message's own span names the message it processed, as a span of one message does.
    expect(inTrace?.attributes['messaging.kafka.message.key']).toBe('appointment-1');
    expect(inTrace?.attributes['messaging.message.id']).toBe('e-1');
  });
});
