import { defaultTextMapSetter, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { MessageContextPropagator } from './message-context.propagator';

describe('MessageContextPropagator', () => {
  const propagator = new MessageContextPropagator();
  const active = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '11111111111111111111111111111111',
    spanId: '2222222222222222',
    traceFlags: TraceFlags.SAMPLED,
  });

  it('injects the active context into a carrier that has none (an outgoing HTTP request)', () => {
    const headers: Record<string, string> = {};
    propagator.inject(active, headers, defaultTextMapSetter);
    expect(headers['traceparent']).toBe('00-11111111111111111111111111111111-2222222222222222-01');
  });

  it("keeps a Kafka message's stored context instead of the sender's", () => {
    const stored = '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01';
    const headers: Record<string, string> = { traceparent: stored };
    propagator.inject(active, headers, defaultTextMapSetter);
    expect(headers['traceparent']).toBe(stored);
  });
});
