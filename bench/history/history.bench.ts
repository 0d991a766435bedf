import { ensureLocalKeys } from '@thc/auth';
import { PLATFORM_SERVICES, RunningPlatform, TestNamespace } from '@thc/testing';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { messagesOnTopics, waitForDownstream } from '../../scripts/seed-history/downstream';
import {
  seedHistory,
  SeedHistoryReport,
  serviceDatabase,
} from '../../scripts/seed-history/seed-history';
import { deletePrefixedTopicsAndGroups } from '../platform/prefixed-kafka-cleanup';
import { rawInsertRate } from './raw-insert.bench';

export interface HistoryBenchOptions {
  readonly events: number;
  readonly months: number;
  readonly seed: number;
  /** Start the five services on the history and wait for them to catch up. */
  readonly platform: boolean;
  /** Leave the databases and topics in place (their prefix is printed). */
  readonly keep: boolean;
  readonly drainSeconds: number;
}

export interface HistoryBenchContext {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
  readonly options: HistoryBenchOptions;
}

const ROOT = join(__dirname, '..', '..');
const n = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * The history generator as the scale fixture: a history seeded into databases of its own, seeded
 * again (everything must be skipped), then the five services started on it as processes, timed
 * until their relays have published it and every consumer group has read it; the audit trail
 * must then hold an entry for every event. Everything the run created is removed at the end.
 */
export async function benchHistory(ctx: HistoryBenchContext): Promise<void> {
  const { options, report } = ctx;
  process.env['KAFKA_BROKERS'] = ctx.kafkaBrokers;
  process.env['MONGO_URL'] = ctx.mongoUrl;
  const { jwksPath } = await ensureLocalKeys(join(ROOT, 'tmp', 'bench-auth'));
  const ns = new TestNamespace('bench-history');
  const phi = {
    PHI_MASTER_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    PHI_KEYS_DB: `${ns.databasePrefix}thc_phi_keys`,
  };
  const seed = (rewrite = false) =>
    seedHistory({
      rewrite,
      events: options.events,
      months: options.months,
      seed: options.seed,
      mongoUrl: ctx.mongoUrl,
      kafkaBrokers: ctx.kafkaBrokers,
      databasePrefix: ns.databasePrefix,
      phiMasterKeys: phi.PHI_MASTER_KEYS,
      phiKeysDb: phi.PHI_KEYS_DB,
    });
  const platform = new RunningPlatform({
    root: ROOT,
    kafkaBrokers: ctx.kafkaBrokers,
    mongoUrl: ctx.mongoUrl,
    topicPrefix: ns.topicPrefix,
    databasePrefix: ns.databasePrefix,
    basePort: 46_100 + Math.floor(Math.random() * 800),
    logDir: join(ROOT, 'tmp', 'bench-output', 'history', ns.id),
    env: {
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      AUTH_LOCAL_JWKS: jwksPath,
      ...phi,
    },
  });
  try {
    report(`databases ${ns.databasePrefix}*, topics ${ns.topicPrefix}*`);
    const first = await seed();
    report(`seeded: ${seedLine(first)}`);
    const raw = await rawInsertRate(
      ctx.mongoUrl,
      ns.databasePrefix,
      Math.min(20_000, first.inserted),
    );
    report(
      `raw insertMany of the same documents: ${n(raw)} events/s; the generator ${(first.rate / raw).toFixed(2)} x raw`,
    );
    report(
      `  by service: ${Object.entries(first.byContext)
        .map(([c, k]) => `${c} ${n(k)}`)
        .join(', ')}`,
    );
    const again = await seed();
    report(
      `seeded again: ${n(again.inserted)} stored (the progress says it is complete), in ${again.seconds.toFixed(1)} s`,
    );
    const rewritten = await seed(true);
    report(
      `written again regardless of the progress: ${n(rewritten.inserted)} stored, ${n(rewritten.skipped)} already there, in ${rewritten.seconds.toFixed(1)} s`,
    );
    if (!options.platform) return;
    const publishedBefore = await messagesOnTopics(ctx.kafkaBrokers, ns.topicPrefix);
    const started = performance.now();
    await platform.start().catch(async (error: unknown) => {
      // A service that answers but is not ready yet is still catching up; one that is down is
      // a failure.
      const statuses = await Promise.all(PLATFORM_SERVICES.map((s) => platform.readiness(s)));
      if (statuses.includes('down')) throw error;
      report(
        `not every service reports ready yet (${statuses.join(', ')}); watching them catch up`,
      );
    });
    report(`platform started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const downstream = await waitForDownstream({
      kafkaBrokers: ctx.kafkaBrokers,
      topicPrefix: ns.topicPrefix,
      pending: first.inserted,
      publishedBefore,
      timeoutMs: options.drainSeconds * 1000,
      onPoll: (state) =>
        report(
          `  ${state.elapsedSeconds.toFixed(0)} s: ${n(state.pending)} pending; ` +
            Object.entries(state.lag)
              .map(([group, lag]) => `${group.slice(ns.topicPrefix.length)} ${n(lag)}`)
              .join(', '),
        ),
    });
    const total = (performance.now() - started) / 1000;
    report(
      `published: ${n(downstream.published)} events in ${downstream.publishedAfter?.toFixed(0) ?? '-'} s` +
        (downstream.publishedAfter
          ? ` (${n(downstream.published / Math.max(1, downstream.publishedAfter))}/s)`
          : ''),
    );
    for (const [group, { caughtUpAfter, read }] of Object.entries(downstream.groups))
      report(
        `  ${group.slice(ns.topicPrefix.length)}: ${caughtUpAfter === undefined ? 'behind' : `caught up after ${caughtUpAfter.toFixed(0)} s`} (${n(read)} read)`,
      );
    report(
      `end to end (start of the services to every group caught up): ${total.toFixed(0)} s${downstream.done ? '' : ', not finished'}`,
    );
    report(
      `audit trail: ${n(await auditEntries(ctx.mongoUrl, ns.databasePrefix))} entries for ${n(first.planned)} events`,
    );
  } finally {
    await platform.stop();
    if (options.keep) report(`kept ${ns.databasePrefix}* and ${ns.topicPrefix}*`);
    else {
      await ns.dispose();
      await deletePrefixedTopicsAndGroups(ctx.kafkaBrokers, ns.topicPrefix);
    }
  }
}

function seedLine(r: SeedHistoryReport): string {
  return (
    `${n(r.inserted)} events (${n(r.bookings)} bookings, ${r.days} days) in ${r.seconds.toFixed(1)} s = ${n(r.rate)} events/s` +
    (r.refused > 0 ? `; ${r.refused} commands refused (${r.firstRefusal})` : '')
  );
}

async function auditEntries(mongoUrl: string, prefix: string): Promise<number> {
  const connection = await mongoose
    .createConnection(mongoUrl, { dbName: serviceDatabase('compliance-audit', prefix) })
    .asPromise();
  try {
    return await connection.collection('audit_entries').estimatedDocumentCount();
  } finally {
    await connection.close();
  }
}
