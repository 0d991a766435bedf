// `npm run bench:scheduling`: bookings/s over HTTP with concurrent clients vs the same bookings
// appended directly to the event store (the ratio is the service's overhead).
// `-- --history <events>` (or BENCH_HISTORY) first seeds a generated history of that many events
// into the bench's databases; `--drain` waits for the relay to publish it before measuring.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchBooking } from './booking.bench';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? '') : undefined;
}

export async function runScheduling(): Promise<void> {
  const historyEvents = Number(flag('history') ?? process.env['BENCH_HISTORY'] ?? 0);
  if (!Number.isFinite(historyEvents) || historyEvents < 0)
    throw new Error('--history takes a number of events');
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

if (require.main === module) {
  runScheduling().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
