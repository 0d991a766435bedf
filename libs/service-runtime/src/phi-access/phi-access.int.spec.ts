import 'reflect-metadata';
import { Controller, Get, Module, Param, ParseUUIDPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
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
      headers: { ...(await bearer('patient', own)), 'x-purpose-of-use': 'payment' },
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
});
