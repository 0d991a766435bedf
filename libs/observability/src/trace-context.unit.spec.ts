import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { contextFromCarrier, currentTraceCarrier } from './trace-context';

describe('trace context carried with events', () => {
  const spanContext = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: TraceFlags.SAMPLED,
  };

  it('writes the active span as a W3C traceparent', () => {
    const active = trace.setSpanContext(ROOT_CONTEXT, spanContext);
    expect(currentTraceCarrier(active)).toEqual({
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
  });

  it('gives an empty carrier when nothing is being traced', () => {
    expect(currentTraceCarrier(ROOT_CONTEXT)).toEqual({});
  });

  it('continues the same trace on the consuming side', () => {
    const carrier = currentTraceCarrier(trace.setSpanContext(ROOT_CONTEXT, spanContext));
    const continued = trace.getSpanContext(contextFromCarrier(carrier));
    expect(continued?.traceId).toBe(spanContext.traceId);
    expect(continued?.spanId).toBe(spanContext.spanId);
    expect(continued?.isRemote).toBe(true);
  });
});
