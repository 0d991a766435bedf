// `npm run bench:scheduling`: bookings/s over HTTP with concurrent clients vs the same bookings
// appended directly to the event store (the ratio is the service's overhead).
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchBooking } from './booking.bench';

export async function runScheduling(): Promise<void> {
  await withBenchInfrastructure(async (infra) => {
    report(
      `scheduling benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl})`,
    );
    await benchBooking({ kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl, report });
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
