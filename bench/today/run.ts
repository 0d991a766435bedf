// `npm run bench:today [-- --history N --reads R]`: the coordinator's Today board read by
// sessions' own query over N stored session views (default 10,000; run it again with 1000000),
// against a raw driver read by _id in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchTodayBoard } from './today-board.bench';
import { integerFlag, runAsScript } from '../bench-main';

export async function runToday(): Promise<void> {
  const history = integerFlag('history', 10_000);
  const reads = integerFlag('reads', 200);
  await withBenchInfrastructure(async (infra) => {
    report(
      `Today board benchmark on ${infra.origin} (mongo ${infra.mongoUrl}), ${history.toLocaleString('en-US')} stored views`,
    );
    await benchTodayBoard({ mongoUrl: infra.mongoUrl, history, reads, report });
  });
}

if (require.main === module) runAsScript(runToday);
