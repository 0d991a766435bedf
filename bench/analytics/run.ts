// `npm run bench:analytics [-- --events N --queries Q]`: live projection rate and rebuild rate
// for N events (default 1,000,000) vs a raw kafkajs consume of the same topics in the same run,
// and query latency p50/p99 over a year of data.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchAnalytics } from './projection.bench';
import { integerFlag, runAsScript } from '../bench-main';

export async function runAnalytics(): Promise<void> {
  const events = integerFlag('events', Number(process.env['BENCH_ANALYTICS_EVENTS'] ?? 1_000_000));
  const queries = integerFlag('queries', 200);
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

if (require.main === module) runAsScript(runAnalytics);
