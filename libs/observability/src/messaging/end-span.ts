import { Span, SpanStatusCode } from '@opentelemetry/api';
import { MESSAGING_ATTRIBUTES } from './messaging-attributes';
import { takeMembers } from './span-family';

/**
 * Ends a span with its outcome, and the per-message spans of a batch span with it. A failure
 * records only the error's type, never its message: messages of handler errors can quote event
 * data, and traces are not a place for PHI.
 */
export function endSpan(span: Span, error?: unknown): void {
  for (const member of takeMembers(span)) endOne(member, error);
  endOne(span, error);
}

function endOne(span: Span, error?: unknown): void {
  if (error !== undefined) {
    const type = error instanceof Error ? error.name : typeof error;
    span.setAttribute(MESSAGING_ATTRIBUTES.errorType, type);
    span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  }
  span.end();
}
