import { HttpException, Injectable, Logger } from '@nestjs/common';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { boundedCheck } from './bounded-check';
import { KafkaHealthIndicator } from './kafka.health';
import { MongoHealthIndicator } from './mongo.health';
import { NotReadyException } from './not-ready.exception';
import { PipelineHealthIndicator } from './pipeline.health';

/** A readiness check: its key in the report, its time budget, and the check. */
type Check = readonly [
  key: string,
  budgetMs: number,
  run: () => Promise<HealthIndicatorResult> | HealthIndicatorResult,
];

/**
 * The readiness checks, each bounded in time (see `boundedCheck`): the whole probe answers
 * within about 3 s, 200 when every check is up, else 503 naming each failing check with its
 * reason, never 500. Every failed probe logs that reason as one warn line; a ready service
 * logs nothing, except one line when it becomes ready again.
 */
@Injectable()
export class Readiness {
  private readonly logger = new Logger('Readiness');
  private failuresSinceReady = 0;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly pipeline: PipelineHealthIndicator,
  ) {}

  async check(): Promise<HealthCheckResult> {
    const checks: readonly Check[] = [
      // Each indicator has its own shorter timeout with a more telling reason; these budgets
      // only catch what those miss.
      ['mongodb', 3000, () => this.mongo.ping('mongodb')],
      ['kafka', 3000, () => this.kafka.isHealthy('kafka')],
      ['consumers', 1000, () => this.pipeline.consumersRunning('consumers')],
      ['outbox', 3000, () => this.pipeline.outboxAge('outbox')],
      ['shutdown', 1000, () => this.pipeline.accepting('shutdown')],
    ];
    let result: HealthCheckResult;
    try {
      result = await this.health.check(
        checks.map(
          ([key, ms, run]) =>
            () =>
              boundedCheck(this.indicators, key, ms, run),
        ),
      );
    } catch (error) {
      throw this.notReady(error);
    }
    if (this.failuresSinceReady > 0) {
      this.logger.log(`ready again after ${this.failuresSinceReady} failed readiness checks`);
      this.failuresSinceReady = 0;
    }
    return result;
  }

  private notReady(error: unknown): NotReadyException {
    this.failuresSinceReady++;
    const report = healthReportOf(error);
    const reasons = Object.entries(report?.error ?? {}).map(
      ([key, detail]) => `${key} (${reasonOf(detail)})`,
    );
    if (reasons.length === 0)
      reasons.push(
        report?.status === 'shutting_down'
          ? 'shutting down'
          : `the checks could not run: ${(error as Error).message}`,
      );
    const message = `not ready: ${reasons.join(', ')}`;
    this.logger.warn(message);
    return new NotReadyException(report, message);
  }
}

/** terminus' report carried by the 503 it throws when a check is down or it shuts down. */
function healthReportOf(error: unknown): HealthCheckResult | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const response = error.getResponse() as Partial<HealthCheckResult>;
  return typeof response === 'object' && typeof response.error === 'object'
    ? (response as HealthCheckResult)
    : undefined;
}

/** A down check's `message`, else what else it reported. */
function reasonOf(detail: Record<string, unknown> = {}): string {
  if (typeof detail['message'] === 'string') return detail['message'];
  const { status: _status, ...data } = detail;
  return Object.keys(data).length > 0 ? JSON.stringify(data) : 'down';
}
