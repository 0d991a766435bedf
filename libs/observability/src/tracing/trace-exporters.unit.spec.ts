import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { spanProcessorsFromEnv } from './trace-exporters';

describe('span processors from OTEL_TRACES_EXPORTER', () => {
  it('exports nothing with none', () => {
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
  });

  it('batches to OTLP by default, as the specification says', () => {
    const processors = spanProcessorsFromEnv({});
    expect(processors).toHaveLength(1);
    expect(processors[0]).toBeInstanceOf(BatchSpanProcessor);
  });

  it('accepts a list, e.g. zipkin and console, and ignores unknown names', () => {
    const processors = spanProcessorsFromEnv({
      OTEL_TRACES_EXPORTER: 'zipkin, console,jaeger-thrift',
    });
    expect(processors.map((p) => p.constructor)).toEqual([BatchSpanProcessor, SimpleSpanProcessor]);
  });
});
