import 'reflect-metadata';
import { Body, Controller, Delete, Get, HttpCode, Module, Post, Put } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Public, Roles } from '@thc/auth';
import { bearer, TestNamespace } from '@thc/testing';
import { IsString, MaxLength } from 'class-validator';
import { request as httpRequest } from 'node:http';
import { ServiceIdentity } from '../config/service-identity';
import { PlatformModule } from '../platform.module';
import { createServiceApp } from './bootstrap-service';

const identity: ServiceIdentity = {
  name: 'sessions',
  defaultPort: 0,
  title: 'Bodyless routes test',
  description: 'routes that take no body refuse one',
};

class RenameDto {
  @IsString()
  @MaxLength(50)
  name!: string;
}

/** What each route did: a refusal must leave it untouched. */
const ran: string[] = [];

@Controller('api/v1/jobs')
class JobsController {
  @Post('purge')
  @HttpCode(200)
  @Roles('admin')
  purge() {
    ran.push('purge');
    return { purged: true };
  }

  @Delete('cache')
  @HttpCode(204)
  @Roles('admin')
  clear() {
    ran.push('clear');
  }

  @Get()
  @Roles('admin')
  list() {
    ran.push('list');
    return { jobs: [] };
  }

  @Post('ping')
  @HttpCode(200)
  @Public()
  ping() {
    ran.push('ping');
    return { pong: true };
  }

  @Put('name')
  @Roles('admin')
  rename(@Body() dto: RenameDto) {
    ran.push('rename');
    return dto;
  }
}

@Module({ imports: [PlatformModule.forService(identity)], controllers: [JobsController] })
class JobsModule {}

describe('routes without a body refuse one', () => {
  const ns = new TestNamespace('bodyless-routes');
  let app: NestExpressApplication;
  let url: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    app = await createServiceApp(JobsModule, identity, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1/jobs`;
    admin = await bearer('admin');
  });

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  });

  beforeEach(() => (ran.length = 0));

  /** node:http rather than fetch: fetch will not send a body with GET, and a client can. */
  const send = (method: string, path: string, body?: string, type = 'application/json') =>
    new Promise<{ status: number; type: string; body: unknown }>((resolve, reject) => {
      const request = httpRequest(
        `${url}${path}`,
        {
          method,
          agent: false,
          headers: {
            ...admin,
            ...(body === undefined
              ? {}
              : { 'content-type': type, 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type'] ?? ''),
              body: text ? (JSON.parse(text) as unknown) : undefined,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const routes: [string, string][] = [
    ['POST', '/purge'],
    ['DELETE', '/cache'],
    ['GET', ''],
    ['POST', '/ping'],
  ];
  const hostile: [string, string, string?][] = [
    ['an operator', '{"$where":"sleep(1000)"}'],
    ['an unknown field', '{"notAField":"x"}'],
    ['an empty array', '[]'],
    ['an array', '[{"confirm":true}]'],
    ['a deep object', `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`],
    ['text', 'purge everything', 'text/plain'],
  ];

  for (const [method, path] of routes) {
    it(`${method} ${path}: refuses a body with 400 problem+json naming it, and does not run`, async () => {
      for (const [label, body, type] of hostile) {
        const response = await send(method, path, body, type);
        expect({ label, status: response.status }).toEqual({ label, status: 400 });
        expect(response.type).toContain('application/problem+json');
        expect(response.body).toMatchObject({
          status: 400,
          'invalid-params': [{ name: 'body', reason: 'this route takes no body' }],
        });
      }
      expect(ran).toEqual([]);
    });

    it(`${method} ${path}: runs without a body, and with the empty object clients send by habit`, async () => {
      expect((await send(method, path)).status).toBeLessThan(300);
      expect((await send(method, path, '{}')).status).toBeLessThan(300);
      expect((await send(method, path, ' { } ')).status).toBeLessThan(300);
      expect(ran).toHaveLength(3);
    });
  }

  it('leaves routes that take a body to their DTO', async () => {
    const ok = await send('PUT', '/name', '{"name":"nightly"}');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ name: 'nightly' });
    const extra = await send('PUT', '/name', '{"name":"nightly","notAField":"x"}');
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ 'invalid-params': [{ name: 'notAField' }] });
    expect(ran).toEqual(['rename']);
  });
});
