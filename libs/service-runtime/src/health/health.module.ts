import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health';
import { PipelineHealthIndicator } from './pipeline.health';

@Module({
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
    DiscoveryModule,
  ],
  controllers: [HealthController],
  providers: [
    KafkaHealthIndicator,
    ConsumerStateTracker,
    GracefulShutdown,
    PipelineHealthIndicator,
  ],
  exports: [ConsumerStateTracker],
})
export class HealthModule {}
