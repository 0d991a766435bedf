import 'reflect-metadata';
import type { Telemetry } from '@thc/observability';
import { bootstrapService } from '@thc/service-runtime';
import { AppModule } from './app.module';
import { serviceIdentity } from './service.identity';

/** The application proper; main.ts loads it only once tracing is running. */
export function start(telemetry: Telemetry): Promise<unknown> {
  return bootstrapService(AppModule, serviceIdentity, { telemetry });
}
