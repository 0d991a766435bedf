import 'reflect-metadata';
import { Controller, Get, Module, Param, ParseUUIDPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  CurrentPrincipal,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  ensurePatientAccess,
  localKeyFiles,
  Principal,
  Role,
  Roles,
} from '@thc/auth';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { importJWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ServiceIdentity } from '../config/service-identity';
import { createServiceApp } from '../http/bootstrap-service';
import { PlatformModule } from '../platform.module';
import { PhiAccessModule } from './phi-access.module';
import { PHI_ACCESSED } from './phi-access.recorder';
import { PhiRead } from './phi-read.decorator';

const identity: ServiceIdentity = {
  name: 'scheduling',
  defaultPort: 0,
  title: 'PHI access recording test',
  description: 'a route returning patient data',
};

interface PatientSummary {
  patientId: string;
  nextVisit: string;
}

/** How often the route's handler ran: a refused purpose must read nothing. */
const handled = { count: 0 };

@Controller('api/v1/patients')
class PatientSummaryController {
  @Get(':patientId/summary')
  @Roles('patient', 'provider', 'coordinator')
  @PhiRead({
    resource: 'Patient',
    patients: (r) => [(r as PatientSummary).patientId],
    resourceId: (r) => (r as PatientSummary).patientId,
  })
  summary(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): PatientSummary {
    handled.count++;
    ensurePatientAccess(principal, patientId);
    return { patientId, nextVisit: '2026-12-01T09:00:00Z' };
  }
}

@Module({
  imports: [PlatformModule.forService(identity), PhiAccessModule],
  controllers: [PatientSummaryController],
})
class SummaryModule {}

describe('every read of PHI is recorded', () => {
  const ns = new TestNamespace('phi-access');
  let app: NestExpressApplication;
  let base: string;
  let store: MongoEventStore;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    app = await createServiceApp(SummaryModule, identity, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api/v1/patients`;
    store = app.get(MongoEventStore);
  });

  afterAll(async () => {
    await app.close();
    await ns.dispose();
  });

  const accesses = async (patientId: string) =>
    (await store.load(`phi-access-${patientId}`))
      .filter((e) => e.type === PHI_ACCESSED)
      .map((e) => e.data as Record<string, unknown>);

  it('records who read which patient, in which role, why and where, before answering', async () => {
    const patientId = randomUUID();
    const coordinator = randomUUID();
    const response = await fetch(`${base}/${patientId}/summary`, {
      headers: await bearer('coordinator', coordinator),
    });
    expect(response.status).toBe(200);
    expect(await accesses(patientId)).toEqual([
      expect.objectContaining({
        actorId: coordinator,
        role: 'coordinator',
        patientId,
        resource: 'Patient',
        resourceId: patientId,
        action: 'read',
        purpose: 'operations',
        service: 'scheduling',
      }),
    ]);
  });

  it('takes the purpose of use from X-Purpose-Of-Use, and refuses an unknown purpose without recording', async () => {
    const patientId = randomUUID();
    const headers = await bearer('provider', randomUUID());
    const stated = await fetch(`${base}/${patientId}/summary`, {
      headers: { ...headers, 'x-purpose-of-use': 'payment' },
    });
    expect(stated.status).toBe(403); // the provider has no appointment with this patient
    const own = randomUUID();
    const patient = await fetch(`${base}/${own}/summary`, {
      headers: { ...(await bearer('coordinator', randomUUID())), 'x-purpose-of-use': 'payment' },
    });
    expect(patient.status).toBe(200);
    expect((await accesses(own)).map((a) => a['purpose'])).toEqual(['payment']);
    const bogus = await fetch(`${base}/${own}/summary`, {
      headers: { ...(await bearer('patient', own)), 'x-purpose-of-use': 'curiosity' },
    });
    expect(bogus.status).toBe(400);
    expect(await accesses(own)).toHaveLength(1);
    expect(await accesses(patientId)).toHaveLength(0);
  });

  it("records nothing when a patient is refused another patient's data", async () => {
    const other = randomUUID();
    const response = await fetch(`${base}/${other}/summary`, {
      headers: await bearer('patient', randomUUID()),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      detail: 'patients can reach only their own records',
    });
    expect(await accesses(other)).toHaveLength(0);
  });

  it.each<[Role, string]>([
    ['coordinator', 'legal'],
    ['coordinator', 'audit'],
    ['provider', 'audit'],
    ['patient', 'legal'],
    ['patient', 'payment'],
  ])(
    'refuses a %s who states the purpose %s with 403 naming the header, before anything is read',
    async (role, purpose) => {
      const patientId = randomUUID();
      // The patient reads their own record: only the purpose stands in the way.
      const subject = role === 'patient' ? patientId : randomUUID();
      const before = handled.count;
      const response = await fetch(`${base}/${patientId}/summary`, {
        headers: { ...(await bearer(role, subject)), 'x-purpose-of-use': purpose },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toMatch(
        new RegExp(`^X-Purpose-Of-Use: the role ${role} may not read for ${purpose}`),
      );
      expect(handled.count).toBe(before);
      expect(await accesses(patientId)).toHaveLength(0);
    },
  );

  it('records the role that granted the read, not the first role of the token', async () => {
    const patientId = randomUUID();
    const staff = randomUUID();
    // A trainer who also coordinates: this route admits the coordinator role only.
    const response = await fetch(`${base}/${patientId}/summary`, {
      headers: await bearerWithRoles(['trainer', 'coordinator'], staff),
    });
    expect(response.status).toBe(200);
    expect(await accesses(patientId)).toEqual([
      expect.objectContaining({ actorId: staff, role: 'coordinator', purpose: 'operations' }),
    ]);
  });

  it('lets no role the route does not admit exempt a read: an auditor role on a coordinator claims no legal purpose here', async () => {
    const patientId = randomUUID();
    const response = await fetch(`${base}/${patientId}/summary`, {
      headers: {
        ...(await bearerWithRoles(['auditor', 'coordinator'], randomUUID())),
        'x-purpose-of-use': 'legal',
      },
    });
    expect(response.status).toBe(403);
    expect(await accesses(patientId)).toHaveLength(0);
  });
});

/** A token carrying several roles, as an identity provider may issue; the local signer makes one. */
async function bearerWithRoles(roles: Role[], subject: string): Promise<Record<string, string>> {
  const dir = process.env['THC_TEST_AUTH_DIR'] ?? '';
  const jwk = JSON.parse(readFileSync(localKeyFiles(dir).privateKeyPath, 'utf8')) as {
    kid: string;
  };
  // Staff of every clinic: the test is about roles and purposes, not clinic scope.
  const token = await new SignJWT({ roles, clinics: '*' })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(await importJWK(jwk, 'ES256'));
  return { authorization: `Bearer ${token}` };
}
