import { startTelemetry } from '@thc/observability';

// Tracing starts before anything loads Nest, http, kafkajs, mongodb or mongoose: the
// instrumentations patch only modules required after them, so the application is imported next.
const telemetry = startTelemetry('training');

void (async () => {
  await import('reflect-metadata');
  const { bootstrapService } = await import('@thc/service-runtime');
  const { AppModule } = await import('./app.module');
  const { serviceIdentity } = await import('./service.identity');
  await bootstrapService(AppModule, serviceIdentity, { telemetry });
})();
