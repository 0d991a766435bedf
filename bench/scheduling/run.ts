// `npm run bench:scheduling`: bookings/s over HTTP with concurrent clients vs the same bookings
// appended directly to the event store (the ratio is the service's overhead).
// `-- --history <events>` (or BENCH_HISTORY) first seeds a generated history of that many events
// into the bench's databases; `--drain` waits for the relay to publish it before measuring.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchBooking } from './booking.bench';
import { integerFlag, runAsScript } from '../bench-main';

export async function runScheduling(): Promise<void> {
  const seeded = process.argv.includes('--history') || process.env['BENCH_HISTORY'] !== undefined;
  const historyEvents = seeded ? integerFlag('history', Number(process.env['BENCH_HISTORY'])) : 0;
  const drainHistory = process.argv.includes('--drain') || process.env['BENCH_DRAIN'] === '1';
  await withBenchInfrastructure(async (infra) => {
    report(
      `scheduling benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl})`,
    );
    await benchBooking({
      kafkaBrokers: infra.kafkaBrokers,
      mongoUrl: infra.mongoUrl,
      report,
      historyEvents,
      drainHistory,
    });
  });
}

if (require.main === module) runAsScript(runScheduling);
