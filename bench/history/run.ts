// `npm run bench:history [-- --events 100000 --months 12 --no-platform --keep]`: the history
// generator's write rate, a repeat that must store nothing, and the five services catching up
// on the history (relays publishing it, every consumer group reading it).
import { parseArgs } from 'node:util';
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { DEFAULT_HISTORY_SEED } from '../../scripts/seed-history/seed-history';
import { benchHistory } from './history.bench';
import { runAsScript } from '../bench-main';

export async function runHistory(argv: readonly string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string', default: '100000' },
      months: { type: 'string', default: '12' },
      seed: { type: 'string', default: String(DEFAULT_HISTORY_SEED) },
      'no-platform': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'drain-seconds': { type: 'string', default: '7200' },
    },
  });
  const options = {
    events: Number(values.events),
    months: Number(values.months),
    seed: Number(values.seed),
    platform: !values['no-platform'],
    keep: values.keep,
    drainSeconds: Number(values['drain-seconds']),
  };
  await withBenchInfrastructure(async (infra) => {
    report(
      `history benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl}): ` +
        `${options.events.toLocaleString('en-US')} events over ${options.months} months`,
    );
    await benchHistory({
      kafkaBrokers: infra.kafkaBrokers,
      mongoUrl: infra.mongoUrl,
      report,
      options,
    });
  });
}

if (require.main === module) runAsScript(() => runHistory(process.argv.slice(2)));
