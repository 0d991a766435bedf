import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** Rejects with "no answer within `ms` ms" unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Runs one readiness check within `ms`. A check that throws or does not answer in time is
 * down with the reason as its `message`: terminus turns a thrown error into a 500, and a
 * check left waiting would hold the probe open until the orchestrator gives up on it.
 */
export async function boundedCheck(
  health: HealthIndicatorService,
  key: string,
  ms: number,
  check: () => Promise<HealthIndicatorResult> | HealthIndicatorResult,
): Promise<HealthIndicatorResult> {
  try {
    return await withTimeout(Promise.resolve().then(check), ms);
  } catch (error) {
    return health.check(key).down({ message: (error as Error).message });
  }
}
