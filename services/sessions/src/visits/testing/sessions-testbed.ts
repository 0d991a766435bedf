import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { PublishingSessionsTestModule, startSessionsApp } from './sessions-test-app';
import { SessionsKit } from './sessions-test-kit';
import type { TestNamespace } from '@thc/testing';

/** The running service of a spec file, set once its `beforeAll` has run. */
export interface SessionsTestbed {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly store: MongoEventStore;
  readonly producer: Producer;
  readonly kit: SessionsKit;
}

/** How a spec's instance differs from the default one. */
export interface SessionsTestbedOptions {
  /** Settings read at start (undefined: unset), put back as they were after the spec. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Seals PHI (free text, join links to send) under a fresh master key in the namespace. */
  readonly phi?: boolean;
  /** Runs the outbox relay, publishing the service's events to its namespaced topic. */
  readonly publishes?: boolean;
}

/** Sets `env` in the process and answers how to put the previous values back. */
function setEnvironment(env: Readonly<Record<string, string | undefined>>): () => void {
  const previous = Object.keys(env).map((name) => [name, process.env[name]] as const);
  const put = ([name, value]: readonly [string, string | undefined]) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  Object.entries(env).forEach(put);
  return () => previous.forEach(put);
}

/**
 * Starts the sessions service in the spec's namespace before its tests (the topics it consumes
 * created, a producer for other contexts' events) and stops it after.
 */
export function useSessionsApp(
  ns: TestNamespace,
  options: SessionsTestbedOptions = {},
): SessionsTestbed {
  const bed: { -readonly [K in keyof SessionsTestbed]?: SessionsTestbed[K] } = {};
  let restoreEnvironment: () => void = () => undefined;
  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    restoreEnvironment = setEnvironment({
      ...(options.phi
        ? {
            PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
            PHI_KEYS_DB: ns.database('phi_keys'),
          }
        : {}),
      ...options.env,
    });
    const consumed = [TOPICS.scheduling, TOPICS.compliance, TOPICS.training];
    const topics = options.publishes ? [...consumed, TOPICS.sessions] : consumed;
    await ns.createTopics(topics.map((topic) => ns.topic(topic)));
    const { app, url } = await startSessionsApp(
      options.publishes ? PublishingSessionsTestModule : undefined,
    );
    Object.assign(bed, { app, url, store: app.get(MongoEventStore) });
    bed.producer = ns.kafka().producer();
    await bed.producer.connect();
    bed.kit = new SessionsKit(app, (t) => ns.topic(t), bed.producer);
  });
  afterAll(async () => {
    restoreEnvironment();
    await bed.producer?.disconnect();
    await bed.app?.close();
    await ns.dispose();
  });
  return bed as SessionsTestbed;
}
