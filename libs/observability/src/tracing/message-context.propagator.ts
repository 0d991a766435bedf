import { Context, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';

/**
 * W3C trace context and baggage, except that a carrier which already holds a `traceparent`
 * keeps it. The outbox relay puts in each Kafka message the context stored with the event
 * when it was appended; the kafkajs instrumentation would otherwise overwrite it with the
 * relay's own context at send time, and every consumer would continue the relay's trace
 * instead of the request that caused the event.
 */
export class MessageContextPropagator implements TextMapPropagator {
  private readonly inner = new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  });

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    if (hasTraceparent(carrier)) return;
    this.inner.inject(context, carrier, setter);
  }

  extract(
    context: Context,
    carrier: unknown,
    getter: Parameters<TextMapPropagator['extract']>[2],
  ): Context {
    return this.inner.extract(context, carrier, getter);
  }

  fields(): string[] {
    return this.inner.fields();
  }
}

function hasTraceparent(carrier: unknown): boolean {
  if (typeof carrier !== 'object' || carrier === null) return false;
  const value = (carrier as Record<string, unknown>)['traceparent'];
  return value !== undefined && value !== null && String(value) !== '';
}
