import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { SERVICE_ENV, validateServiceEnv } from './config/service-env';
import { SERVICE_IDENTITY, ServiceIdentity } from './config/service-identity';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { MongoConnectionModule } from './mongo/mongo-connection.module';

/**
 * What every service shares at its edges: validated configuration, its MongoDB connection,
 * health and metrics endpoints. Business modules are imported beside it.
 */
@Module({})
export class PlatformModule {
  static forService(identity: ServiceIdentity): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        // Validation runs in a provider at application creation, not in forRoot: forRoot runs
        // when the module file is imported, and would freeze the environment of that moment.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
        MongoConnectionModule.forService(identity.name),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [
        { provide: SERVICE_IDENTITY, useValue: identity },
        { provide: SERVICE_ENV, useFactory: () => validateServiceEnv(process.env) },
      ],
      exports: [SERVICE_IDENTITY, SERVICE_ENV, MongoConnectionModule],
    };
  }
}
