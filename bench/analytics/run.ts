// `npm run bench:analytics [-- --events N --queries Q]`: live projection rate and rebuild rate
// for N events (default 1,000,000) vs a raw kafkajs consume of the same topics in the same run,
// and query latency p50/p99 over a year of data.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchAnalytics } from './projection.bench';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

export async function runAnalytics(): Promise<void> {
  const events = flag('events', Number(process.env['BENCH_ANALYTICS_EVENTS'] ?? 1_000_000));
  const queries = flag('queries', 200);
  await withBenchInfrastructure(async (infra) => {
    report(
      `analytics benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl})`,
    );
    await benchAnalytics({
      kafkaBrokers: infra.kafkaBrokers,
      mongoUrl: infra.mongoUrl,
      events,
      queries,
      report,
    });
  });
}

if (require.main === module) {
  runAnalytics().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
