import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';

/**
 * A readiness check that failed: 503 with terminus' report (what is up, what is down and why)
 * and a `message` naming each failing check with its reason. Readiness has logged it already.
 */
export class NotReadyException extends ServiceUnavailableException {
  constructor(
    readonly report: HealthCheckResult | undefined,
    message: string,
  ) {
    super(report ? { ...report, message } : { message });
  }
}
