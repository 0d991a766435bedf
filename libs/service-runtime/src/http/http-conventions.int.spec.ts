import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Roles } from '@thc/auth';
import { bearer, hostileBodies, testToken, TestNamespace, walkRoutes } from '@thc/testing';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Model, Schema } from 'mongoose';
import { ServiceIdentity } from '../config/service-identity';
import { PlatformModule } from '../platform.module';
import { createServiceApp } from './bootstrap-service';
import { IsZonedDateTime } from './is-zoned-date-time';
import { ParseUuidParam } from './parse-uuid-param.pipe';

const identity: ServiceIdentity = {
  name: 'sessions',
  defaultPort: 0,
  title: 'HTTP conventions test',
  description: 'shared HTTP behaviour on a sample resource',
};

class CreateNoteDto {
  @IsUUID()
  patientId!: string;

  @IsString()
  @MaxLength(200)
  text!: string;

  @IsIn(['video', 'audio'])
  channel!: string;

  @IsZonedDateTime()
  at!: string;
}

const noteSchema = new Schema({ patientId: String, text: String, channel: String, at: String });

@Controller('api/v1/notes')
class NotesController {
  constructor(@InjectModel('notes') private readonly notes: Model<unknown>) {}

  @Post()
  @Roles('coordinator')
  async create(@Body() dto: CreateNoteDto) {
    const created = await this.notes.create(dto);
    return { id: String(created._id) };
  }

  @Get(':id')
  @Roles('coordinator', 'provider')
  read(@Param('id', new ParseUuidParam({ version: 4 })) id: string) {
    return { id };
  }

  // Deliberately without a policy: the guard must close it.
  @Get('undeclared/route')
  undeclared() {
    return { leaked: true };
  }
}

@Module({
  imports: [
    PlatformModule.forService(identity),
    MongooseModule.forFeature([{ name: 'notes', schema: noteSchema }]),
  ],
  controllers: [NotesController],
})
class NotesModule {}

const valid = {
  patientId: randomUUID(),
  text: 'prefers audio when the network is poor',
  channel: 'video',
  at: '2026-11-27T10:00:00Z',
};

describe('HTTP conventions shared by every service', () => {
  const ns = new TestNamespace('http-conventions');
  let app: NestExpressApplication;
  let url: string;
  let notes: Model<unknown>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    app = await createServiceApp(NotesModule, identity, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1/notes`;
    notes = app.get<Model<unknown>>('notesModel');
  });

  afterAll(async () => {
    await app.close();
    await ns.dispose();
  });

  const post = async (body: unknown, headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  describe('authentication', () => {
    it('401 without a token, as problem+json with a Bearer challenge', async () => {
      const response = await post(valid, {});
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(await response.json()).toMatchObject({
        status: 401,
        detail: 'a bearer token is required',
      });
    });

    it.each([
      ['expired', { ttlSeconds: -3600 }, 'token expired'],
      ['for another audience', { audience: 'someone-else' }, 'token claim "aud" is not accepted'],
      [
        'from another issuer',
        { issuer: 'https://elsewhere.example' },
        'token claim "iss" is not accepted',
      ],
    ])('401 for a token %s', async (_, overrides, detail) => {
      const token = await testToken('coordinator', 'staff-1', overrides);
      const response = await post(valid, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ detail });
    });

    it('401 for a token with a forged signature', async () => {
      const [header, payload] = (await testToken('coordinator')).split('.');
      const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
      const response = await post(valid, { authorization: `Bearer ${forged}` });
      expect(response.status).toBe(401);
    });
  });

  describe('authorization', () => {
    it('403 for a valid token with the wrong role, naming the role required', async () => {
      const response = await post(valid, await bearer('analyst'));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        detail: 'this route requires the role coordinator',
      });
    });

    it('403 for a route that declares no policy, whatever the token', async () => {
      const response = await fetch(`${url}/undeclared/route`, { headers: await bearer('admin') });
      expect(response.status).toBe(403);
      expect(JSON.stringify(await response.json())).not.toContain('leaked');
    });

    it('the route walk finds the undeclared route and nothing else', () => {
      const undeclared = walkRoutes(app)
        .filter((r) => !r.policy)
        .map((r) => r.route);
      expect(undeclared).toEqual([
        'GET /api/v1/notes/undeclared/route (NotesController.undeclared)',
      ]);
    });

    it('201 for the right role and a valid body', async () => {
      const response = await post(valid, await bearer('coordinator'));
      expect(response.status).toBe(201);
    });
  });

  describe('hostile input', () => {
    const bodies = hostileBodies(valid);

    it('has a table of at least 50 hostile bodies', () => {
      expect(bodies.length).toBeGreaterThanOrEqual(50);
    });

    it('answers every hostile body with 400 problem+json naming a field, and writes nothing', async () => {
      const before = await notes.countDocuments();
      const headers = await bearer('coordinator');
      const outcomes = await Promise.all(
        bodies.map(async ({ label, body }) => {
          const response = await post(body, headers);
          const problem = (await response.json()) as {
            status: number;
            'invalid-params'?: { name: string }[];
            detail?: string;
          };
          return {
            label,
            status: response.status,
            type: response.headers.get('content-type'),
            problem,
          };
        }),
      );
      for (const outcome of outcomes) {
        expect({ label: outcome.label, status: outcome.status }).toEqual({
          label: outcome.label,
          status: 400,
        });
        expect(outcome.type).toContain('application/problem+json');
        expect(outcome.problem.detail ?? '').not.toMatch(/\bat .*\.(js|ts):\d+/);
      }
      const named = outcomes.filter((o) => (o.problem['invalid-params'] ?? []).length > 0);
      // Bodies that are not objects have no field to name; every other refusal names one.
      expect(named.length).toBeGreaterThanOrEqual(bodies.length - 4);
      expect(await notes.countDocuments()).toBe(before);
    });

    it('names the offending field of an operator injection', async () => {
      const response = await post({ ...valid, text: { $gt: '' } }, await bearer('coordinator'));
      expect(await response.json()).toMatchObject({
        status: 400,
        'invalid-params': [expect.objectContaining({ name: 'text.$gt' })],
      });
    });

    it('400 for malformed JSON and 413 for an oversized body, without a stack trace', async () => {
      const headers = { 'content-type': 'application/json', ...(await bearer('coordinator')) };
      const malformed = await fetch(url, { method: 'POST', headers, body: '{"patientId": ' });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
      const huge = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text: 'x'.repeat(200_000) }),
      });
      expect(huge.status).toBe(413);
    });

    it('400 naming the parameter for an id that is not a UUID', async () => {
      const response = await fetch(`${url}/1%20OR%201=1`, { headers: await bearer('provider') });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('sends security headers', async () => {
      const response = await fetch(`${url}/${randomUUID()}`, { headers: await bearer('provider') });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });
});
