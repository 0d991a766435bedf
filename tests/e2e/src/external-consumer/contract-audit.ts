import { Kafka, logLevel } from 'kafkajs';
import { PublishedContract } from './published-contract';

export interface ContractAudit {
  readonly checked: number;
  readonly byTopic: Readonly<Record<string, number>>;
  readonly byType: Readonly<Record<string, number>>;
  /** Distinct `ce_id`s per type: delivery is at least once, so a message may come twice. */
  readonly distinctByType: Readonly<Record<string, number>>;
  /**
   * Distinct ReminderDue `ce_id`s per `appointmentId|offsetMinutes`: a patient reminded twice
   * for one visit and offset shows as 2, a redelivered message does not.
   */
  readonly reminders: Readonly<Record<string, number>>;
  /** Each distinct event (by `ce_id`) that kept the contract, by type, in the order read. */
  readonly events: ReadonlyMap<string, readonly AuditedEvent[]>;
  readonly problems: readonly string[];
}

/** One event as an outside consumer reads it: its CloudEvents id and time, and its data. */
export interface AuditedEvent {
  readonly id: string;
  readonly time: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const REMINDER_DUE = 'thc.scheduling.ReminderDue.v1';

/**
 * Reads every topic from the beginning with a plain kafkajs consumer of its own group and
 * checks each message against the published CloudEvents headers and JSON Schema, and that
 * the Kafka key equals `ce_subject`. Stops when every partition is read to its end offset.
 */
export async function auditTopics(options: {
  readonly brokers: string;
  readonly topicPrefix: string;
  readonly contract: PublishedContract;
  readonly groupId: string;
}): Promise<ContractAudit> {
  const kafka = new Kafka({
    brokers: options.brokers.split(','),
    clientId: 'external-consumer',
    logLevel: logLevel.NOTHING,
  });
  const topics = options.contract.topics.map((topic) => `${options.topicPrefix}${topic}`);
  const ends = await endOffsets(kafka, topics);
  const remaining = new Map([...ends].filter(([, end]) => end > 0n));
  const byTopic: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const reminderIds = new Map<string, Set<string>>();
  const events = new Map<string, AuditedEvent[]>();
  let checked = 0;
  const result = () => ({
    checked,
    byTopic,
    byType,
    distinctByType: Object.fromEntries([...ids].map(([type, set]) => [type, set.size])),
    reminders: Object.fromEntries([...reminderIds].map(([key, set]) => [key, set.size])),
    events,
    problems,
  });
  if (remaining.size === 0) return result();

  const consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`external consumer did not reach the end of ${[...remaining.keys()]}`)),
      120_000,
    );
    consumer
      .run({
        eachMessage: async ({ topic, partition, message }) => {
          checked += 1;
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          const type = headers['ce_type'] ?? '(no ce_type)';
          byTopic[topic] = (byTopic[topic] ?? 0) + 1;
          byType[type] = (byType[type] ?? 0) + 1;
          const where = `${topic}[${partition}]@${message.offset} ${type}`;
          const problemsBefore = problems.length;
          const published = options.contract.messages.get(type);
          let payload: unknown;
          if (!published) problems.push(`${where}: type not in the published contract`);
          else {
            // Each type arrives only on the channels that list it (PhiAccessed on its own).
            if (!published.topics.some((address) => topic === `${options.topicPrefix}${address}`))
              problems.push(`${where}: type not published on this topic`);
            if (!published.headers(headers))
              problems.push(`${where}: headers ${JSON.stringify(published.headers.errors)}`);
            try {
              payload = JSON.parse(message.value?.toString('utf8') ?? '');
            } catch {
              problems.push(`${where}: value is not JSON`);
            }
            if (payload !== undefined && !published.payload(payload))
              problems.push(`${where}: payload ${JSON.stringify(published.payload.errors)}`);
          }
          if (message.key?.toString('utf8') !== headers['ce_subject'])
            problems.push(`${where}: key differs from ce_subject`);
          // Only messages that keep the contract count as events.
          if (problems.length === problemsBefore && headers['ce_id']) {
            const seen = ids.get(type) ?? new Set();
            if (!seen.has(headers['ce_id'])) {
              const ofType = events.get(type) ?? [];
              ofType.push({
                id: headers['ce_id'],
                time: headers['ce_time'] ?? '',
                data: payload as Record<string, unknown>,
              });
              events.set(type, ofType);
            }
            ids.set(type, seen.add(headers['ce_id']));
            if (type === REMINDER_DUE) {
              const { appointmentId, offsetMinutes } = payload as Record<string, unknown>;
              const key = `${String(appointmentId)}|${String(offsetMinutes)}`;
              reminderIds.set(key, (reminderIds.get(key) ?? new Set()).add(headers['ce_id']));
            }
          }
          const key = `${topic}:${partition}`;
          const end = remaining.get(key);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(key);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return result();
}

async function endOffsets(kafka: Kafka, topics: readonly string[]): Promise<Map<string, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}:${partition}`, BigInt(high));
      }
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}
