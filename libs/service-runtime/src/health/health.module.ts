import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health';
import { MongoHealthIndicator } from './mongo.health';
import { PipelineHealthIndicator } from './pipeline.health';
import { Readiness } from './readiness';

@Module({
  imports: [
    // Readiness logs a failed check itself, as one warn line with the reasons.
    TerminusModule.forRoot({ gracefulShutdownTimeoutMs: 0, logger: false }),
    DiscoveryModule,
  ],
  controllers: [HealthController],
  providers: [
    KafkaHealthIndicator,
    MongoHealthIndicator,
    ConsumerStateTracker,
    GracefulShutdown,
    PipelineHealthIndicator,
    Readiness,
  ],
  exports: [ConsumerStateTracker],
})
export class HealthModule {}
