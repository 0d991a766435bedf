import { context, trace } from '@opentelemetry/api';
import { currentCorrelationId } from './correlation';

/** Fields every log line carries to join it with its trace and flow. */
export interface LogTraceFields {
  trace_id?: string;
  span_id?: string;
  trace_flags?: string;
  correlation_id?: string;
}

/**
 * The active span's trace and span ids (the OpenTelemetry log data model's `trace_id` and
 * `span_id`) and the current correlation id, for a log line written now.
 */
export function logTraceFields(): LogTraceFields {
  const fields: LogTraceFields = {};
  const span = trace.getSpanContext(context.active());
  if (span && trace.isSpanContextValid(span)) {
    fields.trace_id = span.traceId;
    fields.span_id = span.spanId;
    fields.trace_flags = `0${span.traceFlags.toString(16)}`;
  }
  const correlationId = currentCorrelationId();
  if (correlationId !== undefined) fields.correlation_id = correlationId;
  return fields;
}
