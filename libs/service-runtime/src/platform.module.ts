import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateServiceEnv } from './config/service-env';
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
        ConfigModule.forRoot({ isGlobal: true, validate: validateServiceEnv, ignoreEnvFile: true }),
        MongoConnectionModule.forService(identity.name),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [{ provide: SERVICE_IDENTITY, useValue: identity }],
      exports: [SERVICE_IDENTITY, MongoConnectionModule],
    };
  }
}
