import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '@thc/auth';
import { rateLimitSettingsFromEnv } from './config/rate-limit.settings';
import { SERVICE_ENV, validateServiceEnv } from './config/service-env';
import { SERVICE_IDENTITY, ServiceIdentity } from './config/service-identity';
import { HealthModule } from './health/health.module';
import { CallerThrottlerGuard } from './http/caller-throttler.guard';
import { LoggingModule } from './logging/logging.module';
import { ConsumerLagReporter } from './metrics/consumer-lag.reporter';
import { EventStoreAppendMetrics } from './metrics/event-store-append.metrics';
import { MetricsController } from './metrics/metrics.controller';
import { MongoConnectionModule } from './mongo/mongo-connection.module';

/**
 * What every service shares at its edges: validated configuration, JSON logs, its MongoDB
 * connection, health and metrics endpoints, the graceful-shutdown order. Business modules are imported beside it.
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
        LoggingModule.forService(identity.name),
        MongoConnectionModule.forService(identity.name),
        // Per-caller request budget (token subject, else client address; see
        // CallerThrottlerGuard); a burst beyond it gets 429 before any work is done.
        ThrottlerModule.forRootAsync({
          useFactory: () => {
            const { ttlMs, limit } = rateLimitSettingsFromEnv();
            return [{ ttl: ttlMs, limit }];
          },
        }),
        AuthModule,
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [
        { provide: SERVICE_IDENTITY, useValue: identity },
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
        { provide: SERVICE_ENV, useFactory: () => validateServiceEnv(process.env) },
        EventStoreAppendMetrics,
        ConsumerLagReporter,
      ],
      exports: [SERVICE_IDENTITY, SERVICE_ENV, MongoConnectionModule],
    };
  }
}
