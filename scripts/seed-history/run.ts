// `npm run seed:history -- --events 1000000 --months 12`: a platform's history written into the
// services' own stores (see docs/demo-data.md, "A year of history"). Safe to run again: what is
// stored is skipped, and an interrupted run carries on from the last day it stored.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProgressLine } from '../demo/progress-line';
import { messagesOnTopics, pendingInOutboxes, waitForDownstream } from './downstream';
import { DEFAULT_HISTORY_SEED, seedHistory } from './seed-history';

const ROOT = join(__dirname, '..', '..');

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: String(DEFAULT_HISTORY_SEED) },
    'mongo-url': {
      type: 'string',
      default:
        process.env['MONGO_URL'] ?? `mongodb://127.0.0.1:${process.env['MONGO_PORT'] ?? 27017}`,
    },
    'kafka-brokers': {
      type: 'string',
      default: process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['KAFKA_PORT'] ?? 9092}`,
    },
    'database-prefix': { type: 'string', default: process.env['MONGO_DB_PREFIX'] ?? '' },
    'topic-prefix': { type: 'string', default: process.env['KAFKA_TOPIC_PREFIX'] ?? '' },
    until: { type: 'string' },
    'no-phi': { type: 'boolean', default: false },
    follow: { type: 'boolean', default: false },
    rewrite: { type: 'boolean', default: false },
  },
});

const log = (line: string) => process.stdout.write(`[seed:history] ${line}\n`);

/**
 * The services' PHI_MASTER_KEYS: from the environment, else the local development key that
 * `npm start` hands the services (created here the same way when it does not exist yet), so
 * that what the history seals the services can open.
 */
function masterKeys(): string | undefined {
  if (values['no-phi']) return undefined;
  if (process.env['PHI_MASTER_KEYS']) return process.env['PHI_MASTER_KEYS'];
  const file = join(ROOT, '.infra', 'auth', 'phi-master-keys');
  if (!existsSync(file)) {
    mkdirSync(join(ROOT, '.infra', 'auth'), { recursive: true });
    writeFileSync(file, `dev-1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  const events = Number(values.events);
  const months = Number(values.months);
  const seed = Number(values.seed);
  if (![events, months, seed].every(Number.isInteger) || events < 1 || months < 1)
    throw new Error(
      '--events, --months and --seed must be whole numbers (events and months at least 1)',
    );
  const until = values.until ? new Date(values.until) : undefined;
  if (until && Number.isNaN(until.getTime()))
    throw new Error('--until must be an ISO-8601 instant');
  const mongoUrl = values['mongo-url'];
  const kafkaBrokers = values['kafka-brokers'];
  const databasePrefix = values['database-prefix'];
  const phiMasterKeys = masterKeys();
  log(
    `${events.toLocaleString('en-US')} events over ${months} months, seed ${seed}, into ${mongoUrl} (${databasePrefix || 'no'} prefix)${phiMasterKeys ? '' : ', without PHI keys'}`,
  );

  const progress = new ProgressLine({ prefix: '[seed:history] ', unit: 'events' });
  progress.start(events, 'history');
  let counted = 0;
  const report = await seedHistory({
    events,
    months,
    seed,
    mongoUrl,
    kafkaBrokers,
    databasePrefix,
    ...(until ? { until } : {}),
    rewrite: values.rewrite,
    ...(phiMasterKeys ? { phiMasterKeys } : {}),
    ...(process.env['PHI_KEYS_DB'] ? { phiKeysDb: process.env['PHI_KEYS_DB'] } : {}),
    onDay: (day) => {
      progress.tick(day.inserted + day.skipped - counted);
      counted = day.inserted + day.skipped;
    },
  });
  progress.done();
  log(
    `history ${report.start} .. ${report.end} (${report.days} days, ${report.bookings.toLocaleString('en-US')} bookings)`,
  );
  log(
    `events in the history: ${report.planned.toLocaleString('en-US')} (${Object.entries(
      report.byContext,
    )
      .map(([c, n]) => `${c} ${n.toLocaleString('en-US')}`)
      .join(', ')})`,
  );
  log(
    `stored now: ${report.inserted.toLocaleString('en-US')}, already there: ${report.skipped.toLocaleString('en-US')}` +
      `${report.resumedAt ? `, resumed at ${report.resumedAt}` : ''}, in ${report.seconds.toFixed(1)} s (${Math.round(report.rate).toLocaleString('en-US')} events/s)`,
  );
  if (report.refused > 0)
    log(`${report.refused} commands refused by the deciders, first: ${report.firstRefusal}`);
  if (!values.follow) {
    log(
      'start the services (npm start) and their relays publish the history; --follow waits for them',
    );
    return;
  }
  const topicPrefix = values['topic-prefix'];
  const [pending, publishedBefore] = await Promise.all([
    pendingInOutboxes(mongoUrl, databasePrefix),
    messagesOnTopics(kafkaBrokers, topicPrefix),
  ]);
  log(
    `${pending.toLocaleString('en-US')} events to publish: start the services now (npm start); waiting for them to publish and for every consumer group to catch up...`,
  );
  const downstream = await waitForDownstream({
    kafkaBrokers,
    topicPrefix,
    pending,
    publishedBefore,
    onPoll: (state) =>
      log(
        `${state.elapsedSeconds.toFixed(0)} s: outboxes ${state.pending.toLocaleString('en-US')} pending; lag ${
          Object.entries(state.lag)
            .map(([g, n]) => `${g} ${n.toLocaleString('en-US')}`)
            .join(', ') || 'no groups yet'
        }`,
      ),
  });
  if (downstream.publishedAfter !== undefined)
    log(
      `published ${downstream.published.toLocaleString('en-US')} events in ${downstream.publishedAfter.toFixed(0)} s`,
    );
  for (const [group, { caughtUpAfter, read }] of Object.entries(downstream.groups))
    log(
      `${group}: ${caughtUpAfter === undefined ? 'not caught up' : `caught up after ${caughtUpAfter.toFixed(0)} s`}, ${read.toLocaleString('en-US')} messages read${caughtUpAfter ? ` (${Math.round(read / Math.max(1, caughtUpAfter))}/s)` : ''}`,
    );
  if (!downstream.done) process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed:history] ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
