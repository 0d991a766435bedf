import { NodeSDK } from '@opentelemetry/sdk-node';
import { platformInstrumentations } from './instrumentations';
import { MessageContextPropagator } from './message-context.propagator';
import { PlatformSpanFilter } from './platform-span-filter';
import { spanProcessorsFromEnv } from './trace-exporters';

/** The running OpenTelemetry SDK of a service; `shutdown` flushes the spans still buffered. */
export interface Telemetry {
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Starts the OpenTelemetry Node SDK. Call it before anything loads Nest, http, kafkajs,
 * mongodb or mongoose: instrumentations patch a module only when it is required after them.
 *
 * Configured by the standard variables only: `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
 * `OTEL_TRACES_EXPORTER` (`otlp` | `zipkin` | `console` | `none`),
 * `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_EXPORTER_ZIPKIN_ENDPOINT`, `OTEL_TRACES_SAMPLER` and
 * `OTEL_TRACES_SAMPLER_ARG`, `OTEL_BSP_*`, `OTEL_SDK_DISABLED`, `OTEL_LOG_LEVEL`.
 * `defaultServiceName` applies only when neither names the service. Metrics and logs are not
 * exported through OpenTelemetry unless `OTEL_METRICS_EXPORTER`/`OTEL_LOGS_EXPORTER` ask for it:
 * the services serve Prometheus `/metrics` and write JSON logs to stdout.
 */
export function startTelemetry(defaultServiceName: string, env: Env = process.env): Telemetry {
  const named =
    env['OTEL_SERVICE_NAME'] !== undefined ||
    /(^|,)\s*service\.name=/.test(env['OTEL_RESOURCE_ATTRIBUTES'] ?? '');
  const exporters = spanProcessorsFromEnv(env);
  const sdk = new NodeSDK({
    ...(named ? {} : { serviceName: defaultServiceName }),
    // No processor (OTEL_TRACES_EXPORTER=none): no tracer provider, spans cost nothing.
    spanProcessors: exporters.length > 0 ? [new PlatformSpanFilter(exporters)] : [],
    ...(env['OTEL_PROPAGATORS'] === undefined
      ? { textMapPropagator: new MessageContextPropagator() }
      : {}),
    ...(env['OTEL_METRICS_EXPORTER'] === undefined ? { metricReaders: [] } : {}),
    ...(env['OTEL_LOGS_EXPORTER'] === undefined ? { logRecordProcessors: [] } : {}),
    instrumentations: platformInstrumentations(),
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
