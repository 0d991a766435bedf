// `npm run seed:demo`: a synthetic health system through the public HTTP APIs of the six
// services (an organization with 3 clinics in 2 states, 40 providers, 2,000 patients, four
// weeks of visits, contact points of the patients seen in the next days). Safe to run again:
// ids are derived from the seed and what exists is left alone. See docs/demo-data.md.
import { DemoClient, serviceUrl, SERVICES, ServiceName } from './demo-client';
import { DEFAULT_DEMO_SEED, demoId } from './demo-ids';
import { log, progress, Tally } from './demo-progress';
import { buildRoster, PATIENT_COUNT } from './demo-roster';
import { credentialsSettled, plannedBookings, seedBookings } from './bookings.step';
import { plannedConsents, seedConsents } from './consents.step';
import { plannedContacts, seedContacts } from './contacts.step';
import { plannedDirectory, seedDirectory } from './directory.step';
import { plannedLiveVisits, seedLiveVisits } from './live-visits.step';
import { reportWhatShows } from './report.step';
import { plannedSchedules, seedSchedules } from './schedules.step';
import { plannedTraining, seedTraining } from './training.step';

async function waitReady(service: ServiceName): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      const response = await fetch(`${serviceUrl(service)}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${service} is not ready at ${serviceUrl(service)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const seed = Number(process.env['THC_DEMO_SEED'] ?? DEFAULT_DEMO_SEED);
  const concurrency = Number(process.env['THC_DEMO_CONCURRENCY'] ?? 8);
  const patients = Number(process.env['THC_DEMO_PATIENTS'] ?? PATIENT_COUNT);
  if (![seed, concurrency, patients].every(Number.isInteger) || concurrency < 1 || patients < 24)
    throw new Error(
      'THC_DEMO_SEED, THC_DEMO_CONCURRENCY and THC_DEMO_PATIENTS (at least 24) must be whole numbers',
    );
  await Promise.all((Object.keys(SERVICES) as ServiceName[]).map(waitReady));
  const client = await DemoClient.create();
  const roster = buildRoster(seed, patients);
  const tally = new Tally();
  const coordinators = new Map(
    roster.clinics.map((c) => [
      c.id,
      roster.staff.find((s) => s.role === 'coordinator' && s.clinicId === c.id)?.id ?? '',
    ]),
  );
  const coordinatorOf = (clinicId: string) => coordinators.get(clinicId) ?? '';
  const ids = {
    trainer: demoId(seed, 'trainer'),
    analyst: demoId(seed, 'analyst'),
    auditor: demoId(seed, 'auditor'),
    admin: demoId(seed, 'admin'),
  };
  log(
    `seed ${seed}: ${roster.clinics.length} clinics, ${roster.staff.length} staff, ${roster.patients.length} patients; ${concurrency} requests in flight`,
  );
  // The planned requests, for the time estimate; what exists already is passed over faster.
  const planned = {
    directory: plannedDirectory(roster),
    training: plannedTraining(roster),
    schedules: plannedSchedules(roster),
    consents: plannedConsents(roster, () => true),
    'contact preferences': plannedContacts(roster),
    bookings: plannedBookings(roster),
    'live visits': plannedLiveVisits(roster),
  };
  const total = Object.values(planned).reduce((n, v) => n + v, 0);
  log(
    `about ${total.toLocaleString('en-US')} requests planned (${Object.entries(planned)
      .map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`)
      .join(', ')}); the time left shows once the rate is measured`,
  );

  // Steps that touch different services and do not depend on each other run side by side:
  // everything names the directory's people and places; bookings need the credentials,
  // schedules and licences, live visits also their patients' consent. Contact preferences need
  // nothing and come first, so that the confirmations of the next days' visits find an address.
  const phases: [string, () => Promise<void>][][] = [
    [
      ['directory', () => seedDirectory(client, roster, tally, ids, concurrency)],
      ['contact preferences', () => seedContacts(client, roster, tally, concurrency)],
    ],
    [
      ['training', () => seedTraining(client, roster, tally, ids.trainer, concurrency)],
      [
        'schedules',
        () =>
          seedSchedules(client, roster, tally, coordinatorOf(roster.clinics[0].id), concurrency),
      ],
      [
        'consents of live patients',
        () => seedConsents(client, roster, tally, coordinatorOf, concurrency, (p) => p.live),
      ],
    ],
    [
      ['bookings', () => seedBookings(client, roster, tally, coordinatorOf, concurrency)],
      [
        'consents',
        () => seedConsents(client, roster, tally, coordinatorOf, concurrency, (p) => !p.live),
      ],
      ['live visits', () => seedLiveVisits(client, roster, tally, coordinatorOf)],
    ],
  ];
  // Interrupted, it still says what it did; a later run carries on from there.
  process.once('SIGINT', () => {
    progress.clear();
    log(`interrupted after ${((Date.now() - started) / 1000).toFixed(1)} s:\n${tally.table()}`);
    process.exit(130);
  });
  progress.start(total, 'demo data');
  for (const [index, phase] of phases.entries()) {
    if (index === 2 && tally.created('module completion') === 0) credentialsSettled();
    await Promise.all(
      phase.map(async ([name, step]) => {
        const at = Date.now();
        log(`${name}...`);
        await step();
        log(`${name} done in ${((Date.now() - at) / 1000).toFixed(1)} s`);
      }),
    );
  }
  progress.done();
  log('reading back what the dashboards show...');
  await reportWhatShows(client, roster, ids);
  log(`summary (${((Date.now() - started) / 1000).toFixed(1)} s):\n${tally.table()}`);
}

main().catch((error: unknown) => {
  progress.clear();
  process.stderr.write(`[seed:demo] ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
