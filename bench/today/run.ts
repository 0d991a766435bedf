// `npm run bench:today [-- --history N --reads R]`: the coordinator's Today board read by
// sessions' own query over N stored session views (default 10,000; run it again with 1000000),
// against a raw driver read by _id in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchTodayBoard } from './today-board.bench';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

export async function runToday(): Promise<void> {
  const history = flag('history', 10_000);
  const reads = flag('reads', 200);
  await withBenchInfrastructure(async (infra) => {
    report(
      `Today board benchmark on ${infra.origin} (mongo ${infra.mongoUrl}), ${history.toLocaleString('en-US')} stored views`,
    );
    await benchTodayBoard({ mongoUrl: infra.mongoUrl, history, reads, report });
  });
}

if (require.main === module) {
  runToday().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
