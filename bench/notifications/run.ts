// `npm run bench:notifications [-- --history N --reads R --rounds D]`: the notifications
// service's planning, dispatcher round and contact directory read on a database holding N
// outcome events of past messages (default 10,000; run it again with 1000000), each against a
// raw baseline (driver, nodemailer) in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchNotifications } from './notifications.bench';
import { integerFlag, runAsScript } from '../bench-main';

export async function runNotifications(): Promise<void> {
  const history = integerFlag('history', 10_000);
  const reads = integerFlag('reads', 200);
  const rounds = integerFlag('rounds', 100);
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

if (require.main === module) runAsScript(runNotifications);
