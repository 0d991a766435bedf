import { EventImport } from '@thc/event-store';
import { EnvMasterKeyring, PatientKeyStore } from '@thc/phi-protection';
import { DateTime } from 'luxon';
import mongoose, { Connection } from 'mongoose';
import { planAuditReads } from './audit-reads.history';
import { BookingPlanner } from './booking-planner';
import { planConsents } from './consents.history';
import { DAY_MS, dayOf, HISTORY_CONTEXTS, HistoryAgenda, HistoryContext } from './history-agenda';
import { HistoryParameters, HistoryProgress, mismatch } from './history-progress';
import { buildHistoryRoster } from './history-roster';
import { HistorySealer, HistoryWriter, Placed } from './history-writer';
import { HistoryWorld } from './history-world';
import { planSchedules } from './schedules.history';
import { saveServiceViews } from './service-views';
import { planTraining } from './training.history';
import { VisitPlanner } from './visits.history';
import type { VisitDeps } from './story';

/** The seed of `seed:demo`'s health system, so that by default both seeds make one system. */
export const DEFAULT_HISTORY_SEED = 20_260_301;

/** Events written together: a day of a large history, several days of a small one. */
const WRITE_BATCH_EVENTS = 4_000;

export interface SeedHistoryOptions {
  /** Events to store in all, approximately (within a few percent). */
  readonly events: number;
  /** Months of history, ending at `until`. */
  readonly months: number;
  /** Same seed, same history (and the same clinics, staff and patients as `seed:demo`). */
  readonly seed?: number;
  readonly mongoUrl: string;
  /** Kafka is not written to (the services' relays publish); kept for callers that wait on it. */
  readonly kafkaBrokers?: string;
  /** Prepended to each service's database name, as the services' MONGO_DB_PREFIX. */
  readonly databasePrefix?: string;
  /** End of the history; default now. A resumed run keeps the end of the first. */
  readonly until?: Date;
  /** PHI_MASTER_KEYS of the services; without it free text is dropped and no reminders are sent. */
  readonly phiMasterKeys?: string;
  /** The services' PHI_KEYS_DB; default `thc_phi_keys`. */
  readonly phiKeysDb?: string;
  /**
   * Write every day again whatever the progress documents say (each stored event is skipped):
   * to check that a history is whole, or to repair one whose database lost events.
   */
  readonly rewrite?: boolean;
  /** Events written together (the days they span are one step of the progress); default 4000. */
  readonly batchEvents?: number;
  /** Called after each batch of days is stored. */
  readonly onDay?: (progress: SeedHistoryProgress) => void;
}

export interface SeedHistoryProgress {
  readonly day: string;
  readonly daysDone: number;
  readonly days: number;
  readonly inserted: number;
  readonly skipped: number;
  readonly planned: number;
}

export interface SeedHistoryReport {
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  /** Events the history holds (planned), and those this run stored or found stored. */
  readonly planned: number;
  readonly inserted: number;
  readonly skipped: number;
  readonly byContext: Readonly<Record<HistoryContext, number>>;
  readonly bookings: number;
  /** Commands the services would have refused (each skipped); zero in a sound history. */
  readonly refused: number;
  readonly firstRefusal?: string;
  /** The day this run started writing at (0 for a fresh history); days before were stored already. */
  readonly resumedAt?: string;
  readonly seconds: number;
  /** Stored events per second of the run. */
  readonly rate: number;
}

/** The database of a service, as the services name it (`thc_<service>`, with MONGO_DB_PREFIX). */
export function serviceDatabase(context: HistoryContext | 'analytics', prefix = ''): string {
  return `${prefix}thc_${context.replace(/-/g, '_')}`;
}

/**
 * Fills the five services' stores with a history of `months` months ending now: each context's
 * commands decided by its own pure deciders at their original times, the events stored with the
 * event-store library in each service's own database exactly as the service stores them
 * (pending, so the services' relays publish them and every consumer builds its views as in
 * production). Idempotent and resumable: ids and versions derive from the seed, a stored event
 * is skipped, and each database records the last day written (see docs/demo-data.md).
 */
export async function seedHistory(options: SeedHistoryOptions): Promise<SeedHistoryReport> {
  const started = Date.now();
  if (!(options.events > 0) || !(options.months > 0))
    throw new Error('events and months must be positive');
  const seed = options.seed ?? DEFAULT_HISTORY_SEED;
  const connections = await connect(options.mongoUrl, options.databasePrefix ?? '');
  try {
    await refuseWhileRelaysRun(connections);
    const progress = new HistoryProgress(connections);
    const stored = await progress.read();
    const sealing = options.phiMasterKeys !== undefined && options.phiMasterKeys !== '';
    const asked = { seed, events: options.events, months: options.months, sealing };
    const previous = Object.values(stored)[0];
    if (previous) {
      const differs = mismatch(previous, asked);
      if (differs)
        throw new Error(
          `these databases hold another history (${differs}); drop them or run with the same parameters`,
        );
    }
    const end = previous ? Date.parse(previous.end) : (options.until ?? new Date()).getTime();
    const start = DateTime.fromMillis(end, { zone: 'utc' })
      .minus({ months: options.months })
      .toMillis();
    const parameters: HistoryParameters = { ...asked, end: new Date(end).toISOString() };
    const lastDays = Object.fromEntries(
      HISTORY_CONTEXTS.map((context) => [
        context,
        options.rewrite ? -1 : (stored[context]?.lastDay ?? -1),
      ]),
    ) as Record<HistoryContext, number>;

    const world = new HistoryWorld(seed, new HistoryAgenda(start, end), sealing);
    const visitsPlanned = options.events / 45;
    const roster = buildHistoryRoster(world, visitsPlanned);
    const training = planTraining(world, roster);
    const schedules = planSchedules(world, roster);
    const consents = planConsents(world, roster);
    planAuditReads(world, roster);
    const refused: VisitDeps['refused'] = { count: 0 };
    const deps: VisitDeps = {
      world,
      roster,
      consents,
      training,
      planner: new BookingPlanner(end, schedules, training),
      refused,
    };
    const visits = new VisitPlanner(deps, options.events);

    const imports = Object.fromEntries(
      HISTORY_CONTEXTS.map((context) => [context, new EventImport(connections[context])]),
    ) as Record<HistoryContext, EventImport>;
    await Promise.all(Object.values(imports).map((i) => i.init()));
    const sealer = sealing ? await sealerFor(options, connections.scheduling) : undefined;
    const writer = new HistoryWriter(imports, sealer);

    const byContext = Object.fromEntries(HISTORY_CONTEXTS.map((c) => [c, 0])) as Record<
      HistoryContext,
      number
    >;
    let inserted = 0;
    let skipped = 0;
    let bookings = 0;
    let resumedAt: number | undefined;
    const firstDay = dayOf(start);
    const lastDay = dayOf(end - 1);
    // Days are written in batches of a few thousand events (a day of a small history holds
    // only a few dozen), with one batch's write in flight while the next days are planned:
    // planning is CPU, writing waits on the database, so the two overlap.
    let writing: Promise<void> = Promise.resolve();
    let batch = new Map<HistoryContext, Placed[]>();
    let batched = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      bookings += visits.planDay(day);
      const placed = writer.place(world.agenda.take(day));
      for (const [context, appends] of placed) {
        const events = appends.reduce((n, entry) => n + entry.append.events.length, 0);
        byContext[context] += events;
        if (lastDays[context] >= day) continue;
        resumedAt ??= day;
        const list = batch.get(context) ?? [];
        list.push(...appends);
        batch.set(context, list);
        batched += events;
      }
      if (
        batch.size === 0 ||
        (batched < (options.batchEvents ?? WRITE_BATCH_EVENTS) && day < lastDay)
      )
        continue;
      const written = batch;
      const through = day;
      batch = new Map();
      batched = 0;
      await writing;
      writing = writer.write(written, [...written.keys()]).then(async (result) => {
        inserted += result.inserted;
        skipped += result.skipped;
        await Promise.all(
          [...written.keys()].map((context) => progress.save(context, parameters, through, false)),
        );
        options.onDay?.({
          day: new Date(through * DAY_MS).toISOString().slice(0, 10),
          daysDone: through - firstDay + 1,
          days: lastDay - firstDay + 1,
          inserted,
          skipped,
          planned: world.agenda.planned,
        });
      });
      // Handled where it is awaited (before the next write, or after the last day); this keeps
      // a failure from counting as unhandled while the next days are being planned.
      writing.catch(() => undefined);
    }
    await writing;
    await saveServiceViews(
      connections.scheduling,
      connections.training,
      schedules.final,
      training.staff,
      training.catalog,
    );
    await Promise.all(
      HISTORY_CONTEXTS.map((context) => progress.save(context, parameters, lastDay, true)),
    );
    const seconds = (Date.now() - started) / 1000;
    return {
      seed,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      days: lastDay - firstDay + 1,
      planned: world.agenda.planned,
      inserted,
      skipped,
      byContext,
      bookings,
      refused: refused.count,
      ...(refused.first ? { firstRefusal: refused.first } : {}),
      ...(resumedAt !== undefined && resumedAt > firstDay
        ? { resumedAt: new Date(resumedAt * DAY_MS).toISOString().slice(0, 10) }
        : {}),
      seconds,
      rate: inserted / Math.max(seconds, 0.001),
    };
  } finally {
    await Promise.all(Object.values(connections).map((c) => c.close()));
  }
}

async function connect(
  mongoUrl: string,
  prefix: string,
): Promise<Record<HistoryContext, Connection>> {
  const entries = await Promise.all(
    HISTORY_CONTEXTS.map(async (context) => {
      const connection = await mongoose
        .createConnection(mongoUrl, {
          dbName: serviceDatabase(context, prefix),
          serverSelectionTimeoutMS: 10_000,
        })
        .asPromise();
      return [context, connection] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<HistoryContext, Connection>;
}

/**
 * A relay reading while an append is half-written would take the history's old append for
 * abandoned and remove it (event-store README), so the stores must not be relayed meanwhile.
 */
async function refuseWhileRelaysRun(
  connections: Record<HistoryContext, Connection>,
): Promise<void> {
  for (const context of HISTORY_CONTEXTS) {
    const live = await connections[context]
      .collection<{ _id: string; expiresAt: Date }>('outbox_leases')
      .findOne({ expiresAt: { $gt: new Date() } });
    if (live)
      throw new Error(
        `the ${context} service's outbox relay is running (lease ${live._id}): stop the services before seeding a history`,
      );
  }
}

async function sealerFor(
  options: SeedHistoryOptions,
  connection: Connection,
): Promise<HistorySealer> {
  const keys = connection.useDb(options.phiKeysDb ?? 'thc_phi_keys', { useCache: true });
  return new HistorySealer(
    new PatientKeyStore(keys, new EnvMasterKeyring(options.phiMasterKeys ?? '')),
  );
}
