import { SHARED_TOPICS, TOPICS } from '@thc/contracts';
import { Admin, Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { HISTORY_CONTEXTS } from './history-agenda';
import { serviceDatabase } from './seed-history';

/** Every event topic by key: each context's, and PhiAccessed's own (`phiAccess`). */
const EVENT_TOPIC_OF = { ...TOPICS, ...SHARED_TOPICS };

/** The consumer groups that read the history (by name, or name prefix) and what they read. */
const GROUPS: readonly (readonly [string, readonly (keyof typeof EVENT_TOPIC_OF)[]])[] = [
  ['thc.compliance-audit', ['scheduling', 'sessions', 'training', 'compliance', 'phiAccess']],
  ['thc.analytics.visit-metrics.', ['scheduling', 'sessions', 'training', 'compliance']],
  ['thc.analytics', ['scheduling', 'sessions', 'training', 'compliance']],
  ['sessions.appointments', ['scheduling']],
  ['sessions.consent', ['compliance']],
  ['scheduling.credentials', ['training']],
  ['scheduling.session-outcomes', ['sessions']],
  ['scheduling.waitlist', ['scheduling']],
];

export interface DownstreamOptions {
  readonly kafkaBrokers: string;
  /** The services' KAFKA_TOPIC_PREFIX (also on their group names). */
  readonly topicPrefix?: string;
  /** Events waiting in the outboxes when the services start (a fresh history: all of it). */
  readonly pending: number;
  /** Messages on the topics before the services started (`messagesOnTopics`). */
  readonly publishedBefore: number;
  /** Give up after this long; default 2 hours. */
  readonly timeoutMs?: number;
  /** Between looks; default 15 s. */
  readonly pollMs?: number;
  readonly onPoll?: (state: DownstreamState) => void;
}

export interface DownstreamState {
  readonly elapsedSeconds: number;
  /** Events not published yet: those pending at the start less the messages added since. */
  readonly pending: number;
  /** Messages each consumer group has still to read. */
  readonly lag: Readonly<Record<string, number>>;
}

export interface DownstreamReport {
  readonly done: boolean;
  /** Seconds until everything pending was published, and how many events were. */
  readonly publishedAfter?: number;
  readonly published: number;
  /** Seconds until each group had read to the end once all was published, and what it read. */
  readonly groups: Readonly<
    Record<string, { readonly caughtUpAfter?: number; readonly read: number }>
  >;
  readonly last: DownstreamState;
}

interface GroupPosition {
  readonly lag: number;
  /** Messages read so far (committed offsets, summed). */
  readonly read: number;
}

/** Messages on the platform's event topics (what their relays have published, ever). */
export async function messagesOnTopics(kafkaBrokers: string, topicPrefix = ''): Promise<number> {
  const admin = adminOf(kafkaBrokers);
  await admin.connect();
  try {
    return (await topicEnds(admin, topicPrefix)).total;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Events waiting in the services' outboxes. On FerretDB this reads every event of every store,
 * so it is for one look before the services start, not for polling.
 */
export async function pendingInOutboxes(mongoUrl: string, databasePrefix = ''): Promise<number> {
  const connection = await mongoose
    .createConnection(mongoUrl, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const counts = await Promise.all(
      HISTORY_CONTEXTS.map((context) =>
        connection
          .useDb(serviceDatabase(context, databasePrefix), { useCache: true })
          .collection('events')
          .countDocuments({ pending: true }),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  } finally {
    await connection.close();
  }
}

/**
 * Watches a seeded platform catch up: the services' relays publishing their outboxes into
 * Kafka (measured on the topics, so watching adds no load on the stores), and every active
 * consumer group (compliance-audit's trail, analytics' projection, the services' reactions)
 * reading to the end. Needs the services running.
 */
export async function waitForDownstream(options: DownstreamOptions): Promise<DownstreamReport> {
  const prefix = options.topicPrefix ?? '';
  const admin = adminOf(options.kafkaBrokers);
  await admin.connect();
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 2 * 3_600_000);
  try {
    const look = async (): Promise<[DownstreamState, Record<string, GroupPosition>]> => {
      const { total, ends } = await topicEnds(admin, prefix);
      const groups = await positions(admin, prefix, ends);
      const published = total - options.publishedBefore;
      const lag = Object.fromEntries(Object.entries(groups).map(([group, p]) => [group, p.lag]));
      const state = {
        elapsedSeconds: (Date.now() - started) / 1000,
        pending: Math.max(0, options.pending - published),
        lag,
      };
      return [state, groups];
    };
    let [state, now] = await look();
    const first = now;
    let publishedAfter: number | undefined;
    const caughtUp: Record<string, number> = {};
    for (;;) {
      options.onPoll?.(state);
      if (state.pending === 0) {
        publishedAfter ??= state.elapsedSeconds;
        // Caught up means read to the end once everything is published, not a pause in between.
        for (const [group, lag] of Object.entries(state.lag))
          if (lag === 0) caughtUp[group] ??= state.elapsedSeconds;
      }
      const lags = Object.values(state.lag);
      const done = state.pending === 0 && lags.length > 0 && lags.every((lag) => lag === 0);
      if (done || Date.now() > deadline)
        return {
          done,
          ...(publishedAfter !== undefined ? { publishedAfter } : {}),
          published: options.pending - state.pending,
          groups: Object.fromEntries(
            Object.entries(now).map(([group, p]) => [
              group,
              {
                ...(caughtUp[group] !== undefined ? { caughtUpAfter: caughtUp[group] } : {}),
                read: p.read - (first[group]?.read ?? 0),
              },
            ]),
          ),
          last: state,
        };
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 15_000));
      // A broker that restarts meanwhile is looked at again on the next round.
      [state, now] = await look().catch(() => [state, now] as const);
    }
  } finally {
    await admin.disconnect();
  }
}

function adminOf(kafkaBrokers: string): Admin {
  return new Kafka({
    brokers: kafkaBrokers.split(','),
    clientId: 'seed-history',
    logLevel: logLevel.NOTHING,
  }).admin();
}

type Ends = Map<string, Map<number, { low: number; high: number }>>;

async function topicEnds(admin: Admin, prefix: string): Promise<{ total: number; ends: Ends }> {
  const existing = new Set(await admin.listTopics());
  const ends: Ends = new Map();
  let total = 0;
  for (const topic of Object.values(EVENT_TOPIC_OF).map((t) => `${prefix}${t}`)) {
    if (!existing.has(topic)) continue;
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(
      topic,
      new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }])),
    );
    total += offsets.reduce((sum, o) => sum + Number(o.high), 0);
  }
  return { total, ends };
}

/** Where each active consumer group of the platform stands on the topics it reads. */
async function positions(
  admin: Admin,
  prefix: string,
  ends: Ends,
): Promise<Record<string, GroupPosition>> {
  const listed = (await admin.listGroups()).groups.map((g) => g.groupId);
  // Only groups with members: the groups of retired projection versions stay behind for good.
  const described = listed.length > 0 ? (await admin.describeGroups(listed)).groups : [];
  const result: Record<string, GroupPosition> = {};
  for (const { groupId, members } of described) {
    if (members.length === 0) continue;
    const known = GROUPS.find(([name]) =>
      name.endsWith('.') ? groupId.startsWith(`${prefix}${name}`) : groupId === `${prefix}${name}`,
    );
    if (!known) continue;
    const topics = known[1]
      .map((key) => `${prefix}${EVENT_TOPIC_OF[key]}`)
      .filter((t) => ends.has(t));
    let lag = 0;
    let read = 0;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics }))
      for (const { partition, offset } of partitions) {
        const end = ends.get(topic)?.get(partition) ?? { low: 0, high: 0 };
        // Nothing committed yet: the group reads the partition from its beginning.
        const at = Number(offset) >= 0 ? Number(offset) : end.low;
        lag += Math.max(0, end.high - at);
        read += at - end.low;
      }
    result[groupId] = { lag, read };
  }
  return result;
}
