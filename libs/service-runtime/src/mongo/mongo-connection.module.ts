import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { validateServiceEnv } from '../config/service-env';

/** Default database of a service: each bounded context owns its own database. */
export function defaultDatabaseName(service: string): string {
  return `thc_${service.replace(/-/g, '_')}`;
}

/**
 * The service's single mongoose connection. Short server-selection timeouts make readiness
 * report an outage quickly instead of hanging requests for the driver default of 30 s.
 */
@Module({})
export class MongoConnectionModule {
  static forService(service: string): DynamicModule {
    return {
      module: MongoConnectionModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            // Validated here too: this factory may run before any other provider, and a
            // missing MONGO_URL must stop start-up with the variable's name.
            uri: String(validateServiceEnv(process.env)['MONGO_URL']),
            dbName:
              config.get<string>('MONGO_DB') ??
              `${config.get<string>('MONGO_DB_PREFIX') ?? ''}${defaultDatabaseName(service)}`,
            serverSelectionTimeoutMS: 5000,
            // Polled, not streamed, server monitoring: after the server restarted, a streaming
            // monitor (awaitable hello) stayed stuck on "connection N closed" for minutes in the
            // fault suite, and the service never became ready again; a poll every heartbeat
            // (10 s) always finds the server back.
            serverMonitoringMode: 'poll',
            autoIndex: true,
            // Command events feed the event-store append latency metric.
            monitorCommands: true,
          }),
        }),
      ],
      exports: [MongooseModule],
    };
  }
}
