import { NestExpressApplication } from '@nestjs/platform-express';
import type { LocalTokenRequest, Role } from '@thc/auth';
import { fromKafkaHeaders, TOPICS } from '@thc/contracts';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Answer, send } from './directory-client';
import { healthSystem, startDirectoryApp } from './directory-test-app';
import type { TestNamespace } from '@thc/testing';

/** Signs a test token (`bearer` of @thc/testing). */
export type Bearer = (
  role: Role,
  subject: string,
  claims?: Partial<LocalTokenRequest>,
) => Promise<Record<string, string>>;

/** A message seen on the scheduling topic. */
export interface Published {
  readonly type: string;
  readonly key: string;
}

export interface DirectoryTestOptions {
  /** Relay stored events to Kafka (the default); off while database commands are counted. */
  readonly relay?: boolean;
  /** Record the health system (organization, clinics, staff) before the tests. */
  readonly recorded?: boolean;
  /** Collect what reaches the scheduling topic in `published`. */
  readonly watch?: boolean;
}

/** The directory of one spec file; `app`, `url` and the tokens are set once `beforeAll` has run. */
export interface DirectoryTestbed {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly system: ReturnType<typeof healthSystem>;
  /** An admin of the health system's organization. */
  readonly admin: Record<string, string>;
  /** A coordinator of every clinic. */
  readonly coordinator: Record<string, string>;
  readonly published: Published[];
  /** A PUT under `/api/v1/directory`, by the admin unless `headers` say otherwise. */
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A GET under `/api/v1/directory`, by the coordinator unless `headers` say otherwise. */
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** Records the organization, then its clinics, then its staff; answers each answer in order. */
  recordAll(): Promise<Answer[]>;
}

type Filled<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Starts the directory for the specs of one file in the namespace's databases and topics, and
 * stops it after them.
 */
export function useDirectoryApp(
  ns: TestNamespace,
  bearer: Bearer,
  options: DirectoryTestOptions = {},
): DirectoryTestbed {
  const system = healthSystem();
  const bed = { system, published: [] as Published[] } as Filled<DirectoryTestbed>;
  let consumer: Consumer | undefined;
  bed.put = (path, body, headers = bed.admin) =>
    send(bed.url, 'PUT', `/api/v1/directory/${path}`, headers, body);
  bed.get = (path, headers = bed.coordinator) =>
    send(bed.url, 'GET', `/api/v1/directory/${path}`, headers);
  bed.recordAll = async () => {
    const answers = [await bed.put(`organizations/${system.organizationId}`, system.organization)];
    for (const [id, clinic] of Object.entries(system.clinics))
      answers.push(await bed.put(`clinics/${id}`, clinic));
    for (const [id, staff] of Object.entries(system.staff))
      answers.push(await bed.put(`staff/${id}`, staff));
    return answers;
  };

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.scheduling)]);
    ({ app: bed.app, url: bed.url } = await startDirectoryApp({ relay: options.relay }));
    bed.admin = await bearer('admin', randomUUID(), { organizationId: system.organizationId });
    bed.coordinator = await bearer('coordinator', randomUUID());
    if (options.watch) consumer = await watch(ns, bed.published);
    if (options.recorded) await bed.recordAll();
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await bed.app?.close();
    await ns.dispose();
  });
  return bed;
}

/** Collects the type and key of every event on the scheduling topic into `published`. */
async function watch(ns: TestNamespace, published: Published[]): Promise<Consumer> {
  const consumer = ns.kafka().consumer({ groupId: ns.group('directory-watch') });
  await consumer.connect();
  await consumer.subscribe({ topic: ns.topic(TOPICS.scheduling), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const decoded = fromKafkaHeaders(message.headers ?? {});
      if (decoded.ok)
        published.push({ type: decoded.attributes.type, key: message.key?.toString() ?? '' });
    },
  });
  return consumer;
}
