import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Everything a test run wrote to stdout/stderr and every span it finished. */
export interface TelemetryCapture {
  readonly logs: () => string;
  readonly spans: InMemorySpanExporter;
  stop(): void;
}

/**
 * Records process output (every logger ends there) and spans (a global in-memory tracer), so a
 * test can scan what an operator would see for data that must never appear in it.
 */
export function captureTelemetry(): TelemetryCapture {
  const chunks: string[] = [];
  const originals = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  const tap =
    (write: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      chunks.push(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'),
      );
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = tap(originals.out) as typeof process.stdout.write;
  process.stderr.write = tap(originals.err) as typeof process.stderr.write;
  const spans = new InMemorySpanExporter();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
  );
  return {
    logs: () => chunks.join(''),
    spans,
    stop: () => {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
      trace.disable();
      context.disable();
    },
  };
}

/** The needles (PHI values) found in any haystack, with where they were found. */
export function findLeaks(
  haystacks: Readonly<Record<string, string>>,
  needles: readonly string[],
): string[] {
  return Object.entries(haystacks).flatMap(([where, text]) =>
    needles
      .filter((needle) => text.toLowerCase().includes(needle.toLowerCase()))
      .map((needle) => `${needle} in ${where}`),
  );
}

/** Span names and attribute values as one text, for scanning. */
export function spanText(exporter: InMemorySpanExporter): string {
  return exporter
    .getFinishedSpans()
    .map((span) => `${span.name} ${JSON.stringify(span.attributes)} ${JSON.stringify(span.events)}`)
    .join('\n');
}
