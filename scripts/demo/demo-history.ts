// The past of `npm start`'s demo: months of program history written into the services' stores
// by scripts/seed-history before the services start (their relays then publish it), and, once
// they run, a watch on the backlog until the consumers have read it. See docs/demo-data.md.
//
//   demo-history.ts seed       before the services start (refused while their relays run)
//   demo-history.ts catch-up   with the services running: waits for the backlog to be read;
//                              tells its parent (IPC) when the services' own reactions have read
//                              it, so live demo data can be made while the views still catch up
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { HISTORY_CONTEXTS } from '../seed-history/history-agenda';
import { messagesOnTopics, pendingInOutboxes, waitForDownstream } from '../seed-history/downstream';
import { DEFAULT_HISTORY_SEED, seedHistory, serviceDatabase } from '../seed-history/seed-history';
import { ProgressLine } from './progress-line';

const ROOT = join(__dirname, '..', '..');
/** What the seed leaves for the watch: the backlog it made and the topics' size before it. */
const BACKLOG_FILE = join(ROOT, '.infra', 'demo-history-backlog.json');

export const DEFAULT_HISTORY_EVENTS = 30_000;
export const DEFAULT_HISTORY_MONTHS = 12;

// Consumer groups the live part of the demo waits for: sessions creates a booking's session from
// AppointmentBooked, scheduling books only credentialed providers; both read behind the backlog.
const REACTIONS = ['sessions.appointments', 'sessions.consent', 'scheduling.credentials'];

const mongoUrl =
  process.env['MONGO_URL'] ?? `mongodb://127.0.0.1:${process.env['MONGO_PORT'] ?? 27017}`;
const kafkaBrokers =
  process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['KAFKA_PORT'] ?? 9092}`;
const databasePrefix = process.env['MONGO_DB_PREFIX'] ?? '';
const topicPrefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
const log = (line: string): void => {
  process.stdout.write(`[demo:history] ${line}\n`);
};
const count = (n: number) => n.toLocaleString('en-US');

function wholeNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

interface Stored {
  readonly seed: number;
  readonly events: number;
  readonly months: number;
  readonly end: string;
  readonly complete: boolean;
}

/** Each service database's history progress, and whether its event store holds anything. */
async function lookAtStores(): Promise<{ progress: (Stored | null)[]; anyEvents: boolean }> {
  const connection = await mongoose
    .createConnection(mongoUrl, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const dbs = HISTORY_CONTEXTS.map((c) =>
      connection.useDb(serviceDatabase(c, databasePrefix), { useCache: true }),
    );
    const progress = await Promise.all(
      dbs.map((db) =>
        db.collection<{ _id: string } & Stored>('seed_history').findOne({ _id: 'history' }),
      ),
    );
    const some = await Promise.all(dbs.map((db) => db.collection('events').findOne({})));
    return { progress, anyEvents: some.some((e) => e !== null) };
  } finally {
    await connection.close();
  }
}

async function seed(): Promise<void> {
  const events = wholeNumber('THC_DEMO_HISTORY_EVENTS', DEFAULT_HISTORY_EVENTS);
  const months = wholeNumber('THC_DEMO_HISTORY_MONTHS', DEFAULT_HISTORY_MONTHS);
  const historySeed = wholeNumber('THC_DEMO_SEED', DEFAULT_HISTORY_SEED);
  if (events === 0 || months === 0) return log('no history (THC_DEMO_HISTORY_EVENTS/MONTHS 0)');
  const { progress, anyEvents } = await lookAtStores();
  const first = progress.find((p) => p !== null);
  if (first && progress.every((p) => p?.complete)) {
    // A second start: nothing to write. Reading it again through the deciders would only skip.
    const same = first.events === events && first.months === months && first.seed === historySeed;
    return log(
      `history in place: ${count(first.events)} events over ${first.months} months to ${first.end.slice(0, 10)}` +
        (same ? '' : ' (kept; THC_DEMO_HISTORY_* differ: drop the databases for another)'),
    );
  }
  if (!first && anyEvents)
    // A platform used before without a history: a past written under its streams would find
    // versions taken by other events and leave holes, so it is left as it is.
    return log('no history: the services hold data of their own (drop the databases for one)');
  if (first && (first.events !== events || first.months !== months || first.seed !== historySeed))
    return log(
      `no history: the databases hold part of another (${count(first.events)} events, ${first.months} months); ` +
        `set THC_DEMO_HISTORY_EVENTS=${first.events} THC_DEMO_HISTORY_MONTHS=${first.months} to finish it, or drop them`,
    );

  log(`${count(events)} events over ${months} months (THC_DEMO_HISTORY_EVENTS/MONTHS, 0 = none)`);
  const publishedBefore = await messagesOnTopics(kafkaBrokers, topicPrefix);
  const line = new ProgressLine({ prefix: '[demo:history] ', unit: 'events' });
  line.start(events, 'history');
  let counted = 0;
  // Ctrl-C: what is stored stays, and the next start carries on after the last day written.
  process.once('SIGINT', () => {
    line.clear();
    log('interrupted; the next npm start carries on from the last day stored');
    process.exit(130);
  });
  const phiMasterKeys = process.env['PHI_MASTER_KEYS'];
  const report = await seedHistory({
    events,
    months,
    seed: historySeed,
    mongoUrl,
    databasePrefix,
    ...(phiMasterKeys ? { phiMasterKeys } : {}),
    ...(process.env['PHI_KEYS_DB'] ? { phiKeysDb: process.env['PHI_KEYS_DB'] } : {}),
    onDay: (day) => {
      line.tick(day.inserted + day.skipped - counted);
      counted = day.inserted + day.skipped;
    },
  });
  line.done();
  log(
    `${report.start.slice(0, 10)} .. ${report.end.slice(0, 10)}: ${count(report.bookings)} bookings, ` +
      `${count(report.inserted)} events stored in ${report.seconds.toFixed(0)} s`,
  );
  const pending = await pendingInOutboxes(mongoUrl, databasePrefix);
  mkdirSync(join(ROOT, '.infra'), { recursive: true });
  writeFileSync(BACKLOG_FILE, JSON.stringify({ pending, publishedBefore }));
}

async function catchUp(): Promise<void> {
  const tell = (message: string) => process.send?.(message);
  if (!existsSync(BACKLOG_FILE)) return void tell('reactions');
  const { pending, publishedBefore } = JSON.parse(readFileSync(BACKLOG_FILE, 'utf8')) as {
    pending: number;
    publishedBefore: number;
  };
  const started = Date.now();
  log(`${count(pending)} history events to publish and read; the dashboard fills as they are`);
  let reactionsTold = false;
  let lastSaid = 0;
  const report = await waitForDownstream({
    kafkaBrokers,
    topicPrefix,
    pending,
    publishedBefore,
    pollMs: 5_000,
    timeoutMs: 3_600_000,
    onPoll: (state) => {
      const groups = Object.entries(state.lag);
      if (
        !reactionsTold &&
        state.pending === 0 &&
        REACTIONS.every((g) => groups.some(([name, lag]) => name.endsWith(g) && lag === 0))
      ) {
        reactionsTold = true;
        tell('reactions');
      }
      if (Date.now() - lastSaid < 30_000) return;
      lastSaid = Date.now();
      const behind = groups
        .filter(([, lag]) => lag > 0)
        .map(([g, lag]) => `${g.replace(/^thc\./, '')} ${count(lag)}`);
      log(
        `${Math.round(state.elapsedSeconds)} s: ${count(state.pending)} to publish` +
          (behind.length ? `; to read: ${behind.join(', ')}` : ''),
      );
    },
  });
  if (!reactionsTold) tell('reactions');
  if (!report.done) return log('the history is still being read; the dashboard fills as it is');
  rmSync(BACKLOG_FILE, { force: true });
  log(
    `history read in ${Math.round((Date.now() - started) / 1000)} s: the audit trail and the dashboard hold it`,
  );
}

const mode = process.argv[2];
(mode === 'seed'
  ? seed()
  : mode === 'catch-up'
    ? catchUp()
    : Promise.reject(new Error(`mode ${mode}?`))
)
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`[demo:history] ${(error as Error).stack ?? String(error)}\n`);
    process.send?.('reactions');
    process.exit(1);
  });
