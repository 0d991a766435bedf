import { NestExpressApplication } from '@nestjs/platform-express';
import {
  allEventDefinitions,
  AUDIT_HEADS_TOPIC,
  CONTEXT_REGISTRIES,
  ContextName,
  EVENT_TOPICS,
  toKafkaHeaders,
} from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { createServiceApp } from '@thc/service-runtime';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { serviceIdentity } from '../service.identity';
import type { TestNamespace } from '@thc/testing';

/** The settings every test app starts with; a test may override some before starting. */
export function complianceTestEnv(ns: TestNamespace, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    MONGO_DB_PREFIX: ns.databasePrefix,
    KAFKA_TOPIC_PREFIX: ns.topicPrefix,
    AUDIT_CHECKPOINT_KEYS: `test:${randomBytes(32).toString('base64')}`,
    AUDIT_CHECKPOINT_EVERY: '5',
    AUDIT_ACCESS_CHECK_DELAY_MS: '0',
    AUDIT_WORKING_HOURS: '00:00-24:00',
    AUDIT_WORKING_DAYS: '1,2,3,4,5,6,7',
    ...overrides,
  });
}

/** Every topic the service reads, and the one it publishes its signed heads on. */
export async function createComplianceTopics(ns: TestNamespace): Promise<void> {
  await ns.createTopics([...EVENT_TOPICS, AUDIT_HEADS_TOPIC].map((topic) => ns.topic(topic)));
}

/** The whole service (consumer and outbox relay included) on a free port. */
export async function startComplianceApp(): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

export interface PlatformEventInput {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly id?: string;
  readonly time?: string;
  readonly traceparent?: string;
}

/** Publishes events as their producing services would: CloudEvents headers, keyed by stream. */
export async function publish(
  producer: Producer,
  ns: TestNamespace,
  events: readonly PlatformEventInput[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const definition = allEventDefinitions().find((d) => d.type === event.type);
    const [context = 'x', name = 'X'] = event.type.split('.').slice(1, 3);
    const stream = definition
      ? `${definition.streamDefinition.prefix}-${String(event.data[definition.streamDefinition.idField])}`
      : `${name.toLowerCase()}-${randomUUID()}`;
    const topic = definition?.topic ?? `thc.${context}.v1`;
    const id = event.id ?? randomUUID();
    ids.push(id);
    await producer.send({
      topic: ns.topic(topic),
      messages: [
        {
          key: stream,
          value: JSON.stringify(event.data),
          headers: toKafkaHeaders({
            id,
            // The producer the contracts name (consumers refuse any other source), also for a
            // type they do not know yet.
            source:
              definition?.source ??
              CONTEXT_REGISTRIES[context as ContextName]?.producer.source ??
              `/thc/${context}`,
            type: event.type,
            subject: stream,
            time: event.time ?? new Date().toISOString(),
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
          }),
        },
      ],
    });
  }
  return ids;
}

/** The service under test, with a producer to publish as the other services do. */
export interface ComplianceUnderTest {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly producer: Producer;
  readonly trail: AuditTrailCollections;
  readonly store: MongoEventStore;
  /** Runs `stop` after the file's specs, before the app closes and the namespace is dropped. */
  stopFirst(stop: () => Promise<unknown>): void;
}

type Filled<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Starts the whole service for the specs of one file on the namespace's databases and topics
 * (with `overrides` of the test settings), and closes it all after them. The fields are set once
 * `beforeAll` has run; a spec's own `beforeAll` declared after this call runs after it.
 */
export function useComplianceApp(
  ns: TestNamespace,
  overrides: Record<string, string> = {},
): ComplianceUnderTest {
  const first: (() => Promise<unknown>)[] = [];
  const under = {
    stopFirst: (stop) => void first.push(stop),
  } as Filled<ComplianceUnderTest>;
  beforeAll(async () => {
    complianceTestEnv(ns, overrides);
    await createComplianceTopics(ns);
    ({ app: under.app, url: under.url } = await startComplianceApp());
    under.trail = under.app.get(AuditTrailCollections);
    under.store = under.app.get(MongoEventStore);
    under.producer = ns.kafka().producer();
    await under.producer.connect();
  }, 180_000);
  afterAll(async () => {
    for (const stop of first) await stop();
    await under.producer?.disconnect();
    await under.app?.close();
    await ns.dispose();
  }, 180_000);
  return under;
}

/** How a spec waits (`eventually` of @thc/testing): retries the probe until it passes. */
export type Eventually = (probe: () => Promise<unknown>) => Promise<unknown>;

/** Publishes the events and waits until the trail holds every one; answers their ids. */
export async function publishIntoTrail(
  { producer, trail }: ComplianceUnderTest,
  ns: TestNamespace,
  events: readonly PlatformEventInput[],
  eventually: Eventually,
): Promise<string[]> {
  const ids = await publish(producer, ns, events);
  await eventually(async () =>
    expect(await trail.entries.countDocuments({ eventId: { $in: ids } })).toBe(ids.length),
  );
  return ids;
}
