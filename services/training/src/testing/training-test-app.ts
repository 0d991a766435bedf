import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { Clock, ClockModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { serviceIdentity } from '../service.identity';
import { TrainingModule } from '../training.module';

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
