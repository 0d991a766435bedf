import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';

/** One stored or published item: where it was found, all of it as text, its JSON body. */
export interface Found {
  readonly where: string;
  readonly text: string;
  readonly json: unknown;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every document of every collection of the databases whose names start with `prefix`. */
export async function everyDocument(connection: Connection, prefix: string): Promise<Found[]> {
  const { databases } = await connection.getClient().db().admin().listDatabases({ nameOnly: true });
  const found: Found[] = [];
  for (const { name } of databases.filter((d) => d.name.startsWith(prefix))) {
    const db = connection.getClient().db(name);
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray())
      for (const document of await db.collection(collection).find().toArray())
        found.push({
          where: `${name}.${collection}`,
          text: JSON.stringify(document),
          json: JSON.parse(JSON.stringify(document)),
        });
  }
  return found;
}

/**
 * Every message ever written to the topics whose names start with `prefix`, values and headers,
 * read from the beginning by a group of its own until each partition's end offset.
 */
export async function everyMessage(kafka: Kafka, prefix: string): Promise<Found[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  let expected = 0;
  for (const topic of topics)
    for (const p of await admin.fetchTopicOffsets(topic))
      expected += Number(p.high) - Number(p.low);
  await admin.disconnect();
  const found: Found[] = [];
  if (expected === 0) return found;
  const consumer = kafka.consumer({ groupId: `${prefix}scan-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        const value = message.value?.toString() ?? '';
        found.push({
          where: `${topic}@${message.offset}`,
          text: `${value} ${JSON.stringify(headers)}`,
          json: parsed(value),
        });
        if (found.length >= expected) resolve();
      },
    });
  });
  await Promise.race([
    done,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`read ${found.length} of ${expected} messages`)), 60_000),
    ),
  ]);
  await consumer.disconnect();
  return found;
}

/** The needles found in any item, as "<needle> in <where>". */
export function plaintextIn(items: readonly Found[], needles: readonly string[]): string[] {
  return items.flatMap(({ where, text }) =>
    needles
      .filter((n) => text.toLowerCase().includes(n.toLowerCase()))
      .map((n) => `${n} in ${where}`),
  );
}

/** Sealed fields (AES-256-GCM envelopes) under `keyId`, wherever they sit in the items. */
export function sealedUnder(items: readonly Found[], keyId: string): unknown[] {
  const sealed: unknown[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record['alg'] === 'AES-256-GCM' && record['keyId'] === keyId) sealed.push(record);
      else Object.values(record).forEach(walk);
    }
  };
  for (const { json } of items) walk(json);
  return sealed;
}
