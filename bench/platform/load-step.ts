import { PLATFORM_SERVICES, RunningPlatform } from '@thc/testing';
import { book } from '../../tests/e2e/src/scenario/bookings.steps';
import { DayLedger } from '../../tests/e2e/src/scenario/expected-figures';
import { runVisit, VisitScript } from '../../tests/e2e/src/scenario/visits.steps';
import { PlannedBooking } from './booking-plan';
import { BookingVisibilityWatch, VisibilityLatencies } from './booking-visibility.watch';
import { waitUntilCaughtUp } from './catch-up';
import { PlatformLag } from './platform-lag';
import { sleepUntil } from './sleep-until';
import { StepSampler } from './step-sampler';
import { TimedPlatformApi, TimedRequest } from './timed-platform-api';
import { UsageMeter, WindowUsage } from './usage-meter';

export interface StepContext {
  readonly platform: RunningPlatform;
  readonly api: TimedPlatformApi;
  readonly watch: BookingVisibilityWatch;
  readonly coordinator: string;
  /** Processes measured beside the services (the local Kafka and FerretDB). */
  readonly infrastructurePids: ReadonlyMap<string, number>;
  readonly drainSeconds: number;
}

/** What one step at one offered rate gave. */
export interface StepResult {
  readonly rate: number;
  readonly seconds: number;
  readonly bookings: number;
  readonly accepted: number;
  readonly firstRefusal?: string;
  /** Accepted bookings per second, over the step or until the last accepted answer if later. */
  readonly achievedPerSecond: number;
  readonly requests: readonly TimedRequest[];
  /** Seconds from the first send until every booking and visit of the step had answered. */
  readonly workSeconds: number;
  readonly visits: { readonly run: number; readonly failed: number; readonly firstError?: string };
  /** From a measured booking sent to analytics showing it (see BookingVisibilityWatch). */
  readonly toAnalytics: VisibilityLatencies;
  readonly polls: { readonly ms: readonly number[]; readonly failed: number };
  readonly lag: { readonly max: PlatformLag; readonly end: PlatformLag };
  readonly catchUpSeconds: number | undefined;
  readonly usage: WindowUsage;
}

// The end-to-end scenario's mix: mostly smooth visits, some with a dropped call and audio-only
// fallback, some with a failed device check and an issue resolved by a coordinator.
const SCRIPTS: readonly VisitScript[] = ['smooth', 'drop-and-audio-only', 'failed-check', 'smooth'];

/**
 * Offers `rate` bookings per second for `seconds`, open loop (each booking is sent at its time
 * whether or not earlier ones have answered, so a slow platform shows as latency, not as a
 * lower offered rate); a visited booking then runs its whole visit through sessions. After
 * the last answer, waits for analytics and every consumer to catch up.
 */
export async function runLoadStep(
  ctx: StepContext,
  rate: number,
  seconds: number,
  bookings: readonly PlannedBooking[],
): Promise<StepResult> {
  ctx.api.take();
  ctx.watch.takePolls();
  const pids = new Map<string, number>();
  for (const service of PLATFORM_SERVICES) {
    const pid = ctx.platform.pid(service);
    if (pid !== undefined) pids.set(service, pid);
  }
  for (const [name, pid] of ctx.infrastructurePids) pids.set(name, pid);
  const meter = new UsageMeter(pids);
  const sampler = new StepSampler(ctx.platform, meter);
  const ledger = new DayLedger();
  const visits = { run: 0, failed: 0, firstError: undefined as string | undefined };
  let accepted = 0;
  let lastAccepted = 0;
  let firstRefusal: string | undefined;
  const measured: string[] = [];

  const bookAndVisit = async (planned: PlannedBooking): Promise<void> => {
    const sentAt = performance.now();
    const response = await book(ctx.api, planned.patientId, planned.provider, planned.start);
    if (response.status !== 201) {
      firstRefusal ??= `${response.status} ${JSON.stringify(response.body)}`;
      return;
    }
    accepted += 1;
    lastAccepted = performance.now();
    if (planned.analyticsRow) {
      ctx.watch.sent(planned.analyticsRow, sentAt);
      measured.push(planned.analyticsRow);
    }
    if (!planned.visited) return;
    const script = SCRIPTS[visits.run++ % SCRIPTS.length] ?? 'smooth';
    const visit = {
      appointmentId: String(response.body.appointmentId),
      patientId: planned.patientId,
      providerId: planned.provider.id,
      clinicId: planned.provider.clinicId,
      patientState: planned.provider.state,
      visitType: 'video' as const,
      start: planned.start,
    };
    await runVisit(ctx.api, ledger, visit, script, ctx.coordinator).catch((error: unknown) => {
      visits.failed += 1;
      // First line only: a Jest matcher's message spans several.
      visits.firstError ??= (error instanceof Error ? error.message : String(error)).split('\n')[0];
    });
  };

  const started = performance.now();
  const work: Promise<void>[] = [];
  for (const [n, planned] of bookings.entries()) {
    await sleepUntil(started + (n * 1000) / rate);
    work.push(bookAndVisit(planned));
  }
  await Promise.all(work);
  const workSeconds = (performance.now() - started) / 1000;
  const usage = meter.finish();
  const lag = await sampler.stop();
  const catchUpSeconds = await waitUntilCaughtUp(
    ctx.platform,
    ctx.watch,
    measured,
    ctx.drainSeconds,
  );
  return {
    rate,
    seconds,
    bookings: bookings.length,
    accepted,
    ...(firstRefusal === undefined ? {} : { firstRefusal }),
    // Over the offered window, or longer if the last accepted booking answered after it.
    achievedPerSecond: accepted / Math.max(seconds, (lastAccepted - started) / 1000),
    requests: ctx.api.take(),
    workSeconds,
    visits,
    toAnalytics: ctx.watch.latencies(measured),
    polls: ctx.watch.takePolls(),
    lag,
    catchUpSeconds,
    usage,
  };
}
