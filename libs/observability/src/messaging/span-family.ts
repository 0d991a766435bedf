import { Span } from '@opentelemetry/api';

// Spans that end together with a batch span: the per-message spans that put one batch into
// each message's own trace. Weak, so a batch span that is never ended leaks nothing.
const members = new WeakMap<Span, readonly Span[]>();

/** Registers spans to be ended with `batch` (see `endSpan`). */
export function endWith(batch: Span, spans: readonly Span[]): void {
  if (spans.length > 0) members.set(batch, spans);
}

/** The spans registered to end with `batch`, handed over once. */
export function takeMembers(batch: Span): readonly Span[] {
  const spans = members.get(batch) ?? [];
  members.delete(batch);
  return spans;
}
