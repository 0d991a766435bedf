import { RunningPlatform } from '@thc/testing';
import { BookingVisibilityWatch } from './booking-visibility.watch';
import { caughtUp, platformLag } from './platform-lag';

/**
 * Waits until analytics shows every measured booking and no consumer of any service lags;
 * answers the seconds that took, or undefined if it had not happened within `timeoutSeconds`
 * (the next step then starts with that backlog, and the report says so).
 */
export async function waitUntilCaughtUp(
  platform: RunningPlatform,
  watch: BookingVisibilityWatch,
  rows: readonly string[],
  timeoutSeconds: number,
): Promise<number | undefined> {
  const started = performance.now();
  for (;;) {
    if (watch.latencies(rows).unseen === 0 && caughtUp(await platformLag(platform)))
      return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutSeconds * 1000) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
