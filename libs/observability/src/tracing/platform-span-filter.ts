import { Context } from '@opentelemetry/api';
import { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

const KAFKAJS_SCOPE = '@opentelemetry/instrumentation-kafkajs';

/**
 * Whether a finished span is worth exporting. The kafkajs instrumentation's consumer spans
 * (`poll`, `process`) are dropped: the platform's consumer runtime starts its own CONSUMER span
 * per message, as a child of the producing request, with group, offset and CloudEvents id,
 * while kafkajs' are roots that would double every message. Its PRODUCER spans are kept.
 */
export function isExported(span: ReadableSpan): boolean {
  return span.instrumentationScope.name !== KAFKAJS_SCOPE || span.name.startsWith('send ');
}

/** Passes only exported spans on to the processors behind it. */
export class PlatformSpanFilter implements SpanProcessor {
  constructor(private readonly next: readonly SpanProcessor[]) {}

  onStart(span: Span, parentContext: Context): void {
    for (const processor of this.next) processor.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (!isExported(span)) return;
    for (const processor of this.next) processor.onEnd(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.next.map((processor) => processor.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.next.map((processor) => processor.shutdown()));
  }
}
