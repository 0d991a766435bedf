import 'reflect-metadata';
import { INestApplication, Logger, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventDocument, EventStoreModule } from '@thc/event-store';
import { TcpProxy, TestNamespace } from '@thc/testing';
import type { CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { ServiceIdentity } from '../config/service-identity';
import { createServiceApp } from '../http/bootstrap-service';
import { PlatformModule } from '../platform.module';
import { OUTBOX_CHECK_EVENTS } from './pipeline.health';

const identity: ServiceIdentity = {
  name: 'scheduling',
  defaultPort: 0,
  title: 'readiness probe test',
  description: 'a service with only the shared platform module and an event store',
};

@Module({ imports: [PlatformModule.forService(identity), EventStoreModule] })
class ProbeModule {}

interface Started {
  readonly app: INestApplication;
  readonly url: string;
}

interface Readiness {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: {
    detail?: string;
    error?: Record<string, { status: string; message?: string }>;
    info?: Record<string, unknown>;
  };
  readonly ms: number;
}

async function ready(url: string): Promise<Readiness> {
  const started = performance.now();
  const response = await fetch(`${url}/health/ready`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Readiness['body'],
    ms: performance.now() - started,
  };
}

/** An event document as the event store writes it, pending unless `publishedAt` is given. */
function eventDocument(recordedAt: Date, publishedAt?: Date): EventDocument {
  const streamId = `appointment-${randomUUID()}`;
  return {
    _id: randomUUID(),
    streamId,
    version: 1,
    type: 'thc.test.Probed.v1',
    data: {},
    metadata: {},
    recordedAt,
    ...(publishedAt ? { publishedAt } : { pending: true }),
  };
}

describe('health endpoints', () => {
  const ns = new TestNamespace('readiness');
  const saved = { ...process.env };
  const warnings: string[] = [];
  let app: INestApplication | undefined;
  let proxy: TcpProxy | undefined;

  async function start(env: Record<string, string> = {}): Promise<Started> {
    Object.assign(process.env, { MONGO_DB: ns.database(randomUUID().slice(0, 8)) }, env);
    const created = await createServiceApp(ProbeModule, identity, { logger: false });
    await created.listen(0, '127.0.0.1');
    app = created;
    return { app: created, url: await created.getUrl() };
  }

  beforeEach(() => {
    warnings.length = 0;
    jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void warnings.push(String(message)));
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await proxy?.cut();
    proxy = undefined;
    for (const key of ['KAFKA_BROKERS', 'MONGO_URL', 'MONGO_DB'])
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    jest.restoreAllMocks();
  });

  afterAll(() => ns.dispose());

  it('reports ready (200) when MongoDB and Kafka answer, and logs nothing', async () => {
    const { url } = await start();
    const answer = await ready(url);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      info: {
        mongodb: { status: 'up' },
        kafka: { status: 'up' },
        outbox: { status: 'up', pending: 0 },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('answers 503 naming Kafka and why, logs that at every check, while liveness stays 200', async () => {
    // Port 1 on loopback refuses connections at once: an unreachable broker.
    const { url } = await start({ KAFKA_BROKERS: '127.0.0.1:1' });
    for (let check = 1; check <= 2; check++) {
      const answer = await ready(url);
      expect(answer.status).toBe(503);
      expect(answer.contentType).toContain('application/problem+json');
      expect(Object.keys(answer.body.error ?? {})).toEqual(['kafka']);
      const reason = answer.body.error?.['kafka']?.message;
      expect(reason).toEqual(expect.any(String));
      expect(answer.body.detail).toBe(`not ready: kafka (${reason})`);
      expect(warnings).toHaveLength(check);
      expect(warnings[check - 1]).toBe(answer.body.detail);
    }
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('answers 503 naming MongoDB within seconds once the database is unreachable, never 500', async () => {
    const mongo = new URL(ns.mongoUrl);
    proxy = new TcpProxy(mongo.hostname, Number(mongo.port || 27017));
    const port = await proxy.start();
    const { url } = await start({ MONGO_URL: `mongodb://127.0.0.1:${port}` });
    expect((await ready(url)).status).toBe(200);

    await proxy.cut(); // connections reset, the port closed
    for (let check = 0; check < 3; check++) {
      const answer = await ready(url);
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(5000);
      expect(answer.body.error?.['mongodb']).toEqual({
        status: 'down',
        message: expect.any(String),
      });
      expect(answer.body.detail).toMatch(/^not ready: .*mongodb \(/);
    }
    expect(warnings.every((line) => line.includes('mongodb ('))).toBe(true);
  });

  it(`reads at most ${OUTBOX_CHECK_EVENTS} stored events for the outbox check, however many are pending`, async () => {
    const { app: started, url } = await start();
    const connection = started.get<Connection>(getConnectionToken());
    const events = connection.collection<EventDocument>('events');
    const now = new Date();
    await events.insertMany(Array.from({ length: 500 }, () => eventDocument(now, now)));
    await events.insertMany(Array.from({ length: 1500 }, () => eventDocument(now)));

    // Every command the service sends to `events` while one readiness check runs, and the
    // documents each answered with, from the driver's command monitoring.
    const client = connection.getClient();
    const commands = new Map<number, { name: string; command: Record<string, unknown> }>();
    const returned: number[] = [];
    const onStarted = (event: CommandStartedEvent) => {
      const collection = event.command[event.commandName] ?? event.command['collection'];
      if (collection === 'events')
        commands.set(event.requestId, { name: event.commandName, command: event.command });
    };
    const onSucceeded = (event: CommandSucceededEvent) => {
      if (!commands.has(event.requestId)) return;
      const cursor = (event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } })
        .cursor;
      returned.push((cursor?.firstBatch ?? cursor?.nextBatch ?? []).length);
    };
    client.on('commandStarted', onStarted);
    client.on('commandSucceeded', onSucceeded);
    let answer: Readiness;
    try {
      answer = await ready(url);
    } finally {
      client.off('commandStarted', onStarted);
      client.off('commandSucceeded', onSucceeded);
    }

    expect(answer.status).toBe(200);
    expect(answer.body.info?.['outbox']).toMatchObject({ pending: OUTBOX_CHECK_EVENTS });
    expect([...commands.values()]).toEqual([
      {
        name: 'find',
        command: expect.objectContaining({ filter: { pending: true }, limit: OUTBOX_CHECK_EVENTS }),
      },
    ]);
    expect(returned).toEqual([OUTBOX_CHECK_EVENTS]);
  });

  it('stays ready on a backlog of old events, and answers 503 naming the outbox once it stops moving', async () => {
    process.env['READY_MAX_OUTBOX_AGE_MS'] = '2000';
    try {
      const { app: started, url } = await start();
      const events = started
        .get<Connection>(getConnectionToken())
        .collection<EventDocument>('events');
      // Recorded ten minutes ago, as after a restart or an import: not a reason to be unready.
      await events.insertOne(eventDocument(new Date(Date.now() - 600_000)));
      expect((await ready(url)).status).toBe(200);

      // Nothing publishes it here: the same head, seen for longer than the limit.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const answer = await ready(url);
      expect(answer.status).toBe(503);
      expect(Object.keys(answer.body.error ?? {})).toEqual(['outbox']);
      expect(answer.body.detail).toMatch(
        /^not ready: outbox \(next event to publish unchanged for [34] s, limit 2 s\)$/,
      );
    } finally {
      delete process.env['READY_MAX_OUTBOX_AGE_MS'];
    }
  });

  it('serves its OpenAPI document and Prometheus metrics', async () => {
    const { url } = await start();
    const docs = (await (await fetch(`${url}/docs-json`)).json()) as { info: { title: string } };
    expect(docs.info.title).toBe('readiness probe test');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});
