import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@thc/auth';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { KafkaHealthIndicator } from './kafka.health';
import { PipelineHealthIndicator } from './pipeline.health';

/**
 * Liveness says the process can serve; readiness says its dependencies answer (MongoDB, Kafka),
 * its consumers are running, its outbox is below `READY_MAX_OUTBOX_BACKLOG`, and it is not
 * shutting down. A 503 from readiness names what failed under `error` (e.g.
 * `{"kafka":{"status":"down"}}`).
 *
 * Probes for the orchestrator, not part of any client's API: like /metrics, they are left out
 * of the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly pipeline: PipelineHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 2000 }),
      () => this.kafka.isHealthy('kafka'),
      () => this.pipeline.consumersRunning('consumers'),
      () => this.pipeline.outboxBacklog('outbox'),
      () => this.pipeline.accepting('shutdown'),
    ]);
  }
}
