// `npm run bench:notifications [-- --history N --reads R --rounds D]`: the notifications
// service's planning, dispatcher round and contact directory read on a database holding N
// outcome events of past messages (default 10,000; run it again with 1000000), each against a
// raw baseline (driver, nodemailer) in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchNotifications } from './notifications.bench';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

export async function runNotifications(): Promise<void> {
  const history = flag('history', 10_000);
  const reads = flag('reads', 200);
  const rounds = flag('rounds', 100);
  await withBenchInfrastructure(async (infra) => {
    report(
      `Notifications benchmark on ${infra.origin} (mongo ${infra.mongoUrl}), ${history.toLocaleString('en-US')} stored outcome events`,
    );
    await benchNotifications({
      mongoUrl: infra.mongoUrl,
      kafkaBrokers: infra.kafkaBrokers,
      history,
      reads,
      rounds,
      report,
    });
  });
}

if (require.main === module) {
  runNotifications().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
