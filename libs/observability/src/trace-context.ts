import { context, Context, ROOT_CONTEXT } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C trace-context carrier as stored with an event and sent in Kafka headers. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

// The SDK registers the global propagator when tracing is on; this one keeps the
// serialisation identical when it is off (tests, tools), instead of silently dropping context.
const w3c = new W3CTraceContextPropagator();

/** The active trace context as `traceparent`/`tracestate`, or an empty carrier when there is none. */
export function currentTraceCarrier(active: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  w3c.inject(active, carrier, {
    set: (target, key, value) => {
      if (key === 'traceparent' || key === 'tracestate') target[key] = value;
    },
  });
  return carrier;
}

/** The context a consumer continues from, read from the carrier it received. */
export function contextFromCarrier(carrier: TraceCarrier, base: Context = ROOT_CONTEXT): Context {
  return w3c.extract(base, carrier, {
    get: (target, key) => (key === 'traceparent' || key === 'tracestate' ? target[key] : undefined),
    keys: (target) => Object.keys(target),
  });
}
