// `npm run bench:platform [-- --rates 1,2,4,8 --seconds 20 --visit-share 0.2 --drain-seconds 60]`:
// the five services as processes under sustained bookings and visits at increasing rates,
// against the raw Kafka round trip measured in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchPlatform } from './platform.bench';
import { parsePlatformBenchOptions } from './platform-bench.options';
import { runAsScript } from '../bench-main';

export async function runPlatform(argv: readonly string[] = []): Promise<void> {
  const options = parsePlatformBenchOptions(argv);
  await withBenchInfrastructure(async (infra) => {
    report(
      `platform benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl}); ` +
        `rates ${options.rates.join(', ')} bookings/s, ${options.seconds} s each, ` +
        `${options.visitShare * 100}% visited, drain up to ${options.drainSeconds} s`,
    );
    await benchPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      mongoUrl: infra.mongoUrl,
      report,
      options,
    });
  });
}

if (require.main === module) runAsScript(() => runPlatform(process.argv.slice(2)));
