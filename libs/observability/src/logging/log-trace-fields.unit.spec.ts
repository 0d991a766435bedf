import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { acceptedCorrelationId, withCorrelationId } from './correlation';
import { logTraceFields } from './log-trace-fields';

describe('log line trace fields', () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('carries the active span and the correlation id of the flow', () => {
    const active = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });
    const fields = withCorrelationId('booking-42', () =>
      context.with(active, () => logTraceFields()),
    );
    expect(fields).toEqual({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      trace_flags: '01',
      correlation_id: 'booking-42',
    });
  });

  it('is empty outside any trace or flow', () => {
    expect(logTraceFields()).toEqual({});
  });

  it.each([
    ['abc-123_X.y:z', 'abc-123_X.y:z'],
    [['first', 'second'], 'first'],
    ['with space', undefined],
    ['"quoted"', undefined],
    ['x'.repeat(129), undefined],
    [undefined, undefined],
  ])('accepts %j from a caller as %j', (header, accepted) => {
    expect(acceptedCorrelationId(header)).toBe(accepted);
  });
});
