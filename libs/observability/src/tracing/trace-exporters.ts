import { diag } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpGrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The span processors `OTEL_TRACES_EXPORTER` asks for, as the OpenTelemetry SDK specification
 * defines them: `otlp` (default; protocol from `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` or
 * `OTEL_EXPORTER_OTLP_PROTOCOL`, http/protobuf by default), `zipkin`, `console`, or `none`.
 * Each exporter reads its own endpoint variables; batching reads `OTEL_BSP_*`.
 * Built here rather than by the Node SDK so that the platform's span filter can sit in front.
 */
export function spanProcessorsFromEnv(env: Env = process.env): SpanProcessor[] {
  const names = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.includes('none')) return [];
  return (names.length === 0 ? ['otlp'] : [...new Set(names)]).flatMap((name): SpanProcessor[] => {
    if (name === 'console') return [new SimpleSpanProcessor(new ConsoleSpanExporter())];
    const exporter = exporterNamed(name, env);
    return exporter ? [new BatchSpanProcessor(exporter)] : [];
  });
}

function exporterNamed(name: string, env: Env): SpanExporter | undefined {
  if (name === 'zipkin') return new ZipkinExporter();
  if (name === 'otlp') {
    const protocol =
      env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ??
      env['OTEL_EXPORTER_OTLP_PROTOCOL'] ??
      'http/protobuf';
    if (protocol === 'grpc') return new OtlpGrpcExporter();
    if (protocol === 'http/json') return new OtlpJsonExporter();
    return new OtlpProtoExporter();
  }
  diag.warn(`OTEL_TRACES_EXPORTER: unknown exporter "${name}" ignored`);
  return undefined;
}
