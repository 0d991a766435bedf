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
            // Polled server monitoring (a plain hello every 10 s) rather than the streaming
            // protocol: twice in the fault suite, after the server was stopped for 20 s and
            // started again, one service's client kept failing with "connection N closed" for
            // minutes while the server answered others, and never became ready again. Not
            // reproduced outside the suite; polling is the simpler of the two protocols.
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
