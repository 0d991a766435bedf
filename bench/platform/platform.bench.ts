import { ensureLocalKeys } from '@thc/auth';
import { RunningPlatform, TestNamespace } from '@thc/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { seedHistory } from '../../scripts/seed-history/seed-history';
import { PlatformApi } from '../../tests/e2e/src/scenario/platform-api';
import { planBookings, probeSlot } from './booking-plan';
import { BookingVisibilityWatch } from './booking-visibility.watch';
import { waitUntilCaughtUp } from './catch-up';
import { setUpHealthSystem } from './health-system.setup';
import { localInfrastructurePids } from './infrastructure-pids';
import { measureKafkaRoundTrip } from './kafka-round-trip.bench';
import { runLoadStep, StepResult } from './load-step';
import { PlatformBenchOptions } from './platform-bench.options';
import { deletePrefixedTopicsAndGroups } from './prefixed-kafka-cleanup';
import { floorLine, stepLines, summaryLines } from './step-report';
import { TimedPlatformApi } from './timed-platform-api';

export interface PlatformBenchContext {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
  readonly options: PlatformBenchOptions;
}

const ROOT = join(__dirname, '..', '..');

/**
 * The five services as real processes (as the end-to-end scenario runs them, in topics and
 * databases of their own), set up through the scenario's steps, then offered bookings and
 * visits at each rate in turn; the raw Kafka round trip is measured in the same run as the
 * floor. Everything the run created is removed at the end.
 */
export async function benchPlatform(ctx: PlatformBenchContext): Promise<void> {
  const { options, report } = ctx;
  // The namespace and the scenario's token signer read these, as under Jest's global set-up.
  process.env['KAFKA_BROKERS'] = ctx.kafkaBrokers;
  process.env['MONGO_URL'] = ctx.mongoUrl;
  const authDir = join(ROOT, 'tmp', 'bench-auth');
  process.env['AUTH_LOCAL_JWKS'] = (await ensureLocalKeys(authDir)).jwksPath;
  process.env['THC_TEST_AUTH_DIR'] = authDir;

  const now = new Date();
  const perStep = options.rates.map((rate) => Math.round(rate * options.seconds));
  const plan = planBookings(
    perStep.reduce((sum, n) => sum + n, 0),
    options.visitShare,
    now,
  );
  const ns = new TestNamespace('bench-platform');
  const platform = new RunningPlatform({
    root: ROOT,
    kafkaBrokers: ctx.kafkaBrokers,
    mongoUrl: ctx.mongoUrl,
    topicPrefix: ns.topicPrefix,
    databasePrefix: ns.databasePrefix,
    logDir: join(ROOT, 'tmp', 'bench-output', 'platform', ns.id),
    env: {
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      // All requests come from 127.0.0.1: the per-client rate limit would cap the offered rate.
      THROTTLE_LIMIT: '1000000',
      PHI_MASTER_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    },
    serviceEnv: {
      // The booking watch reads each provider-day as soon as it counts one visit.
      analytics: { ANALYTICS_MIN_CELL_COUNT: '1' },
      // Visits in the next 24 hours can be joined while the benchmark runs.
      sessions: {
        SESSIONS_LINK_OPENS_MINUTES: '1440',
        SESSIONS_LINK_SIGNING_KEY: randomBytes(32).toString('base64'),
        SESSIONS_VIDEO_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
    },
  });
  const api = new TimedPlatformApi(platform);
  const watch = new BookingVisibilityWatch(
    new PlatformApi(platform),
    plan.system.analyst,
    plan.measuredDays,
  );
  const steps: StepResult[] = [];
  try {
    let started = performance.now();
    if (options.history > 0) {
      const history = await seedHistory({
        events: options.history,
        months: 12,
        mongoUrl: ctx.mongoUrl,
        databasePrefix: ns.databasePrefix,
      });
      report(
        `seeded a history of ${history.inserted.toLocaleString('en-US')} events in ` +
          `${history.seconds.toFixed(0)} s (${history.rate.toFixed(0)} events/s); ` +
          `the relays publish it while the steps run`,
      );
      started = performance.now();
    }
    await platform.start();
    report(
      `platform started in ${seconds(started)} (5 services, logs in ${join('tmp', 'bench-output', 'platform', ns.id)})`,
    );
    started = performance.now();
    await setUpHealthSystem(api, plan.system, probeSlot(now));
    const quiet = await waitUntilCaughtUp(platform, watch, [], options.drainSeconds);
    report(
      `set up ${plan.system.providers.length} credentialed providers with schedules and ` +
        `${plan.system.patients.length} consented patients in ${seconds(started)}` +
        (quiet === undefined ? '; consumers still lagging' : ''),
    );
    const floor = await measureKafkaRoundTrip(ctx.kafkaBrokers, ns.topicPrefix);
    report(floorLine(floor));
    watch.start();
    let next = 0;
    for (const [index, rate] of options.rates.entries()) {
      const count = perStep[index] ?? 0;
      const step = await runLoadStep(
        {
          platform,
          api,
          watch,
          coordinator: plan.system.coordinator,
          infrastructurePids: localInfrastructurePids(ROOT),
          drainSeconds: options.drainSeconds,
        },
        rate,
        options.seconds,
        plan.bookings.slice(next, next + count),
      );
      next += count;
      steps.push(step);
      for (const line of stepLines(step, index, floor)) report(line);
    }
    report('');
    report(`summary (${options.visitShare * 100}% of bookings visited; ${floorLine(floor)})`);
    for (const line of summaryLines(steps, floor)) report(line);
  } finally {
    const cleanup = performance.now();
    await watch.stop();
    await platform.stop();
    await ns.dispose();
    await deletePrefixedTopicsAndGroups(ctx.kafkaBrokers, ns.topicPrefix);
    report(
      `stopped the services and removed the run's databases and topics in ${seconds(cleanup)}`,
    );
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
