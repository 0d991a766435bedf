import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule, MongoEventStore } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import {
  Clock,
  ClockModule,
  createServiceApp,
  IdsModule,
  PlatformModule,
} from '@thc/service-runtime';
import { serviceIdentity } from '../service.identity';
import { TrainingModule } from '../training.module';
import { MovableClock } from './movable-clock';
import type { TestNamespace } from '@thc/testing';

/**
 * The training service as its AppModule wires it (relay included) on the given clock.
 * The environment (prefixes, settings) is read when the app is created.
 */
export async function startTrainingApp(
  clock: Clock,
): Promise<{ app: NestExpressApplication; url: string }> {
  @Module({
    imports: [
      PlatformModule.forService(serviceIdentity),
      KafkaModule,
      EventStoreModule,
      OutboxRelayModule.forService({ source: '/thc/training', topic: TOPICS.training }),
      ClockModule.use(clock),
      IdsModule.use(),
      TrainingModule,
    ],
  })
  class TrainingTestApp {}

  const app = await createServiceApp(TrainingTestApp, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** A JSON call to a service under test, answering status, content type and body. */
export async function call(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies freely
): Promise<{ status: number; type: string; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
}

const TOPICS_OF_MODULES = [
  ['HIPAA-PRIVACY-SECURITY', 'hipaa'],
  ['PLATFORM-USE', 'platform-use'],
  ['TELEHEALTH-ETIQUETTE', 'telehealth-etiquette'],
  ['TROUBLESHOOTING', 'troubleshooting'],
  ['EMERGENCY-PROTOCOL', 'emergency-protocol'],
] as const;

/** Creates the five catalog modules over HTTP as a trainer; answers their ids by topic. */
export async function createCatalog(
  url: string,
  trainer: Record<string, string>,
): Promise<Record<(typeof TOPICS_OF_MODULES)[number][1], string>> {
  const ids: Record<string, string> = {};
  for (const [moduleCode, topic] of TOPICS_OF_MODULES) {
    const response = await call(url, 'POST', '/api/v1/training/modules', trainer, {
      moduleCode,
      topic,
      title: `${topic} for virtual visits`,
      passMarkPercent: 80,
      maxAttempts: 3,
    });
    if (response.status !== 201) throw new Error(`module ${moduleCode}: ${response.status}`);
    ids[topic] = response.body.moduleId;
  }
  return ids as Record<(typeof TOPICS_OF_MODULES)[number][1], string>;
}

/** A training app under test, with a trainer and the five catalog modules. */
export interface TrainingUnderTest {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly clock: MovableClock;
  readonly trainer: Record<string, string>;
  readonly modules: Awaited<ReturnType<typeof createCatalog>>;
}

type Filled<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Starts the training app for the specs of one file, on the namespace's databases and topics
 * with the expiry check off, creates the catalog as `trainer`, and closes it all after them.
 * The fields are set once `beforeAll` has run.
 */
export function useTrainingApp(
  ns: TestNamespace,
  trainer: () => Promise<Record<string, string>>,
  start = '2031-03-01T08:00:00Z',
): TrainingUnderTest {
  const under = { clock: new MovableClock(start) } as Filled<TrainingUnderTest>;
  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['TRAINING_EXPIRY_CHECK_INTERVAL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.scheduling)]);
    ({ app: under.app, url: under.url } = await startTrainingApp(under.clock.now));
    under.trainer = await trainer();
    under.modules = await createCatalog(under.url, under.trainer);
  });
  afterAll(async () => {
    await under.app?.close();
    await ns.dispose();
  });
  return under;
}

/**
 * Posts each hostile body (as `hostileBodies` of @thc/testing makes them) as the trainer:
 * every one must be a 400 problem+json, and no event may be stored.
 */
export async function expectHostileBodiesRefused(
  { app, url, trainer }: TrainingUnderTest,
  path: () => string,
  bodies: readonly { readonly label: string; readonly body: unknown }[],
): Promise<void> {
  const store = app.get(MongoEventStore);
  const before = await store.model.countDocuments();
  const outcomes = await Promise.all(
    bodies.map(async ({ label, body }) => {
      const { status, type } = await call(url, 'POST', path(), trainer, body);
      return { label, status, type };
    }),
  );
  expect(outcomes.filter((o) => o.status !== 400 || !o.type.includes('problem+json'))).toEqual([]);
  expect(await store.model.countDocuments()).toBe(before);
}

/** A POST by the trainer to a path under `/api/v1/training`. */
export const postAsTrainer = (
  { url, trainer }: TrainingUnderTest,
  path: string,
  body: unknown,
): ReturnType<typeof call> => call(url, 'POST', `/api/v1/training${path}`, trainer, body);
