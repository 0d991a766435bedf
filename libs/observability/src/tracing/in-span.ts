import { Attributes, SpanKind, trace } from '@opentelemetry/api';
import { endSpan } from '../messaging/end-span';

/** Instrumentation scope of the platform's own (non-messaging) spans. */
export const PLATFORM_TRACER_NAME = '@thc/platform';

/**
 * Runs `work` inside a new INTERNAL span that is active for its duration (so database spans
 * below it become its children), and ends it with the outcome. Attributes must be
 * identifiers only (ids, names of commands or projections), never data.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  return trace
    .getTracer(PLATFORM_TRACER_NAME)
    .startActiveSpan(name, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
      try {
        const result = await work();
        endSpan(span);
        return result;
      } catch (error) {
        endSpan(span, error);
        throw error;
      }
    });
}
