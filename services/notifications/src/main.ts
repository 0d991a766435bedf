import { startTelemetry } from '@thc/observability';

// Tracing starts before anything loads Nest, http, kafkajs, mongodb or mongoose: the
// instrumentations patch only modules required after them, so the application is imported next.
const telemetry = startTelemetry('notifications');

void import('./start').then(({ start }) => start(telemetry));
