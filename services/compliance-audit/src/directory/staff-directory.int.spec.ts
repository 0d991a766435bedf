import { NestExpressApplication } from '@nestjs/platform-express';
import { eventDefinition } from '@thc/contracts';
import { ConsumedEvent } from '@thc/messaging';
import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { CareLinks } from '../care-links/care-links.store';
import { AuditIntake } from '../intake/audit-intake';
import {
  complianceTestEnv,
  createComplianceTopics,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { StaffDirectory } from './staff-directory.store';

const STAFF = 'thc.scheduling.StaffMemberRecorded.v1';
const BOOKED = 'thc.scheduling.AppointmentBooked.v1';

let offset = 0;
function consumed(type: string, data: Record<string, unknown>): ConsumedEvent {
  const definition = eventDefinition(type);
  if (!definition) throw new Error(`no contract for ${type}`);
  return {
    id: randomUUID(),
    source: definition.source,
    type,
    subject: `${definition.streamDefinition.prefix}-x`,
    time: new Date().toISOString(),
    data: { ...(definition.example as object), ...data },
    topic: definition.topic,
    partition: 0,
    offset: String(offset++),
  };
}

describe('the clinics compliance-audit knows staff members and patients by', () => {
  const ns = new TestNamespace('audit-directory');
  let app: NestExpressApplication;
  let intake: AuditIntake;
  const [clinicA, clinicB] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app } = await startComplianceApp());
    intake = app.get(AuditIntake);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('keeps the latest record of each staff member, and a redelivery changes nothing', async () => {
    const staffId = randomUUID();
    const first = consumed(STAFF, { staffId, clinicIds: [clinicA] });
    const second = consumed(STAFF, {
      staffId,
      clinicIds: [clinicA, clinicB],
      recordedAt: '2026-04-01T09:00:00Z',
    });
    await intake.ingest([first, second]);
    await intake.ingest([first, second]);
    const directory = app.get(StaffDirectory);
    expect(await directory.clinicsOf(staffId)).toEqual([clinicA, clinicB]);
    expect((await directory.member(staffId))?.name.family).toBe('Okafor');
    expect(await directory.clinicsOf(randomUUID())).toEqual([]);
  });

  it("learns a patient's clinics and each visit's clinic from bookings", async () => {
    const patientId = randomUUID();
    const booking = (clinicId: string) =>
      consumed(BOOKED, { appointmentId: randomUUID(), patientId, clinicId });
    const inA = booking(clinicA);
    await intake.ingest([inA]);
    await intake.ingest([booking(clinicB), inA]);
    const links = app.get(CareLinks);
    expect([...(await links.clinicsOfPatient(patientId))].sort()).toEqual(
      [clinicA, clinicB].sort(),
    );
    expect(await links.clinicsOfPatient(randomUUID())).toEqual([]);
  });
});
