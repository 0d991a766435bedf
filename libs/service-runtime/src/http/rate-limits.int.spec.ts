import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Public, Roles } from '@thc/auth';
import { bearer, testToken, TestNamespace } from '@thc/testing';
import { decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import { ServiceIdentity } from '../config/service-identity';
import { PlatformModule } from '../platform.module';
import { createServiceApp } from './bootstrap-service';

const identity: ServiceIdentity = {
  name: 'sessions',
  defaultPort: 0,
  title: 'Rate limit test',
  description: 'request budgets behind an ingress',
};

@Controller('api/v1/things')
class ThingsController {
  @Get()
  @Roles('coordinator', 'patient')
  list() {
    return { things: [] };
  }

  @Get('open')
  @Public()
  open() {
    return { open: true };
  }
}

@Module({ imports: [PlatformModule.forService(identity)], controllers: [ThingsController] })
class ThingsModule {}

const LIMIT = 5;
/** The address the ingress sees and appends: every client here sits behind one NAT. */
const SHARED_CLIENT = '198.51.100.7';

describe('rate limits behind the ingress', () => {
  const ns = new TestNamespace('rate-limits');
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['THROTTLE_LIMIT'] = String(LIMIT);
    process.env['THROTTLE_TTL_MS'] = '600000';
    process.env['TRUST_PROXY_HOPS'] = '1';
    app = await createServiceApp(ThingsModule, identity, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1/things`;
  });

  afterAll(async () => {
    delete process.env['THROTTLE_LIMIT'];
    delete process.env['THROTTLE_TTL_MS'];
    delete process.env['TRUST_PROXY_HOPS'];
    await app?.close();
    await ns.dispose();
  });

  /**
   * A request as it reaches the service through one ingress: whatever X-Forwarded-For the
   * client wrote, then the address the ingress saw.
   */
  const viaIngress = (
    path: string,
    headers: Record<string, string>,
    options: { claimed?: string; client?: string } = {},
  ) =>
    fetch(`${url}${path}`, {
      headers: {
        ...headers,
        'x-forwarded-for': [options.claimed, options.client ?? SHARED_CLIENT]
          .filter(Boolean)
          .join(', '),
      },
    });

  const statuses = async (n: number, send: (i: number) => Promise<Response>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) out.push((await send(i)).status);
    return out;
  };

  it('counts two users behind the same address separately: one exhausting its budget leaves the other untouched', async () => {
    const alice = await bearer('coordinator', randomUUID());
    const bob = await bearer('coordinator', randomUUID());
    expect(await statuses(LIMIT + 2, () => viaIngress('', alice))).toEqual([
      ...Array<number>(LIMIT).fill(200),
      429,
      429,
    ]);
    expect(await statuses(LIMIT, () => viaIngress('', bob))).toEqual(Array(LIMIT).fill(200));
  });

  it('keeps a user at its limit however it rotates X-Forwarded-For or its client address', async () => {
    const mallory = await bearer('patient', randomUUID());
    const rotated = await statuses(LIMIT + 3, (i) =>
      viaIngress('', mallory, { claimed: `203.0.113.${i}`, client: `192.0.2.${i}` }),
    );
    expect(rotated.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(rotated.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it('counts callers without a token by the address the ingress saw, not by what they wrote before it', async () => {
    const rotated = await statuses(LIMIT + 2, (i) =>
      viaIngress('/open', {}, { claimed: `203.0.113.${i}, 10.0.0.${i}`, client: '192.0.2.200' }),
    );
    expect(rotated).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
    const response = await viaIngress('/open', {}, { client: '192.0.2.200' });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client, seen by the ingress at its own address, has its own budget.
    expect((await viaIngress('/open', {}, { client: '192.0.2.201' })).status).toBe(200);
  });

  it('does not let a forged token name a fresh budget: an unverified subject counts by address', async () => {
    const genuine = await testToken('coordinator', randomUUID());
    const [header, , signature] = genuine.split('.');
    const forgedFor = (subject: string) =>
      `Bearer ${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(genuine), sub: subject })).toString('base64url')}.${signature}`;
    const seen = await statuses(LIMIT + 2, () =>
      viaIngress('', { authorization: forgedFor(randomUUID()) }, { client: '192.0.2.77' }),
    );
    expect(seen).toEqual([...Array<number>(LIMIT).fill(401), 429, 429]);
  });
});
