import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@thc/auth';
import { collectDefaultMetrics, register } from 'prom-client';
import { ConsumerLagReporter } from './consumer-lag.reporter';

let defaultsCollected = false;

/** Prometheus text exposition of the process registry. */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly consumerLag: ConsumerLagReporter) {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
  }

  @Get()
  @Header('Content-Type', register.contentType)
  async metrics(): Promise<string> {
    await this.consumerLag.refresh();
    return register.metrics();
  }
}
