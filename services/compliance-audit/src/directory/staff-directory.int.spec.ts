import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { CareLinks } from '../care-links/care-links.projection';
import { AuditIntake } from '../intake/audit-intake';
import { useComplianceApp } from '../testing/compliance-test-app';
import { consumed } from '../testing/consumed-event';
import { StaffDirectory } from './staff-directory.projection';

const STAFF = 'thc.scheduling.StaffMemberRecorded.v1';
const BOOKED = 'thc.scheduling.AppointmentBooked.v1';

describe('the clinics compliance-audit knows staff members and patients by', () => {
  const ns = new TestNamespace('audit-directory');
  const under = useComplianceApp(ns);
  const [clinicA, clinicB] = [randomUUID(), randomUUID()];
  const ingest = (...events: ReturnType<typeof consumed>[]) =>
    under.app.get(AuditIntake).ingest(events);

  it('keeps the latest record of each staff member, and a redelivery changes nothing', async () => {
    const staffId = randomUUID();
    const first = consumed(STAFF, { staffId, clinicIds: [clinicA] });
    const second = consumed(STAFF, {
      staffId,
      clinicIds: [clinicA, clinicB],
      recordedAt: '2026-04-01T09:00:00Z',
    });
    await ingest(first, second);
    await ingest(first, second);
    const directory = under.app.get(StaffDirectory);
    expect(await directory.clinicsOf(staffId)).toEqual([clinicA, clinicB]);
    expect((await directory.member(staffId))?.name.family).toBe('Okafor');
    expect(await directory.clinicsOf(randomUUID())).toEqual([]);
  });

  it("learns a patient's clinics and each visit's clinic from bookings", async () => {
    const patientId = randomUUID();
    const booking = (clinicId: string) =>
      consumed(BOOKED, { appointmentId: randomUUID(), patientId, clinicId });
    const inA = booking(clinicA);
    await ingest(inA);
    await ingest(booking(clinicB), inA);
    const links = under.app.get(CareLinks);
    expect([...(await links.clinicsOfPatient(patientId))].sort()).toEqual(
      [clinicA, clinicB].sort(),
    );
    expect(await links.clinicsOfPatient(randomUUID())).toEqual([]);
  });
});
