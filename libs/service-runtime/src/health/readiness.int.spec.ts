import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { TestNamespace } from '@thc/testing';
import { PlatformModule } from '../platform.module';
import { createServiceApp } from '../http/bootstrap-service';
import { ServiceIdentity } from '../config/service-identity';

const identity: ServiceIdentity = {
  name: 'scheduling',
  defaultPort: 0,
  title: 'readiness probe test',
  description: 'a service with only the shared platform module',
};

@Module({ imports: [PlatformModule.forService(identity)] })
class ProbeModule {}

async function start(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  Object.assign(process.env, env);
  const app = await createServiceApp(ProbeModule, identity, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('health endpoints', () => {
  const ns = new TestNamespace('readiness');
  const realBrokers = process.env['KAFKA_BROKERS']!;
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    process.env['KAFKA_BROKERS'] = realBrokers;
  });

  it('reports ready (200) when MongoDB and Kafka answer', async () => {
    const started = await start({ MONGO_DB_PREFIX: ns.databasePrefix });
    app = started.app;
    const response = await fetch(`${started.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { mongodb: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it('answers 503 naming Kafka when the broker is unreachable, while liveness stays 200', async () => {
    // Port 1 on loopback refuses connections at once: an unreachable broker.
    const started = await start({
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_BROKERS: '127.0.0.1:1',
    });
    app = started.app;
    const ready = await fetch(`${started.url}/health/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { error: Record<string, { status: string }> };
    expect(Object.keys(body.error)).toEqual(['kafka']);
    expect(body.error['kafka']!.status).toBe('down');
    expect((await fetch(`${started.url}/health/live`)).status).toBe(200);
  });

  it('serves its OpenAPI document and Prometheus metrics', async () => {
    const started = await start({ MONGO_DB_PREFIX: ns.databasePrefix });
    app = started.app;
    const docs = (await (await fetch(`${started.url}/docs-json`)).json()) as {
      info: { title: string };
    };
    expect(docs.info.title).toBe('readiness probe test');
    const metrics = await (await fetch(`${started.url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});
