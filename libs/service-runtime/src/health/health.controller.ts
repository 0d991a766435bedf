import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@thc/auth';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Readiness } from './readiness';

/**
 * Liveness says the process can serve; readiness says its dependencies answer (MongoDB, Kafka),
 * its consumers are running, its outbox is being published, and it is not shutting down. A 503
 * from readiness is problem+json whose `detail` names each failing check with its reason, with
 * terminus' report beside it (`error`, e.g. `{"kafka":{"status":"down","message":"..."}}`).
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
    private readonly readiness: Readiness,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.readiness.check();
  }
}
