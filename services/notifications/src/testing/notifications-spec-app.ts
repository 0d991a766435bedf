import { DynamicModule, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { Clock } from '@thc/service-runtime';
import { randomBytes } from 'node:crypto';
import { startNotificationsApp } from './notifications-test-app';
import type { TestNamespace } from '@thc/testing';

/** The service started for one spec file, once its `beforeAll` has run. */
export interface NotificationsSpecApp {
  readonly ns: TestNamespace;
  readonly app: NestExpressApplication;
  readonly url: string;
  /** Runs `stop` in `afterAll` before the app closes and the namespace goes (clients of it). */
  stopFirst(stop: () => Promise<unknown>): void;
}

/**
 * Starts the service with `features` for the spec file that calls it (in `beforeAll`), on the
 * spec's namespace (databases, topics, a fresh PHI master key) with `env` set, and undoes it
 * all in `afterAll`. The answer is filled in once `beforeAll` has run.
 */
export function notificationsSpecApp(
  ns: TestNamespace,
  features: readonly (Type<unknown> | DynamicModule)[],
  {
    env = () => ({}),
    clock,
  }: { readonly env?: () => Record<string, string>; readonly clock?: Clock } = {},
): NotificationsSpecApp {
  const stops: (() => Promise<unknown>)[] = [];
  const started = {
    ns,
    stopFirst: (stop: () => Promise<unknown>) => void stops.push(stop),
  } as { -readonly [K in keyof NotificationsSpecApp]: NotificationsSpecApp[K] };
  let set: readonly string[] = [];

  beforeAll(async () => {
    const variables = {
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      ...env(),
    };
    set = Object.keys(variables);
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      ...variables,
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    Object.assign(started, await startNotificationsApp(features, clock));
  }, 180_000);

  afterAll(async () => {
    for (const name of set) delete process.env[name];
    for (const stop of stops) await stop();
    await started.app?.close();
    await ns.dispose();
  }, 180_000);

  return started;
}
