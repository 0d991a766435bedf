import { NestExpressApplication } from '@nestjs/platform-express';
import {
  allEventDefinitions,
  CONTEXT_REGISTRIES,
  ContextName,
  EVENT_TOPICS,
  toKafkaHeaders,
} from '@thc/contracts';
import { createServiceApp } from '@thc/service-runtime';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { serviceIdentity } from '../service.identity';

/** What the helpers need of the testing lib's TestNamespace (kept structural: no import). */
export interface Namespace {
  readonly databasePrefix: string;
  readonly topicPrefix: string;
  topic(name: string): string;
  createTopics(names: readonly string[]): Promise<void>;
}

/** The settings every test app starts with; a test may override some before starting. */
export function complianceTestEnv(ns: Namespace, overrides: Record<string, string> = {}): void {
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

export async function createComplianceTopics(ns: Namespace): Promise<void> {
  await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
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
  ns: Namespace,
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
