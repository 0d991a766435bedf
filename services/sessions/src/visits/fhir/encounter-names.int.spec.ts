import { bearer, callService, eventually, expectValidFhir, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import {
  CLINIC_RECORDED,
  clinicRecorded,
  STAFF_MEMBER_RECORDED,
  staffMemberRecorded,
} from '../testing/qualification-events';
import { within } from '../testing/sessions-test-kit';
import { useSessionsApp } from '../testing/sessions-testbed';

interface Encounter {
  participant: { individual: { reference: string; display?: string } }[];
  subject: { reference: string; display?: string };
  location: { location: { reference: string; display?: string } }[];
}

describe('the Encounter names the staff and the clinic the directory lists', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-encounter-names'));

  const encounter = async (sessionId: string) => {
    const read = await callService(
      bed.url,
      'GET',
      `/fhir/Encounter/${sessionId}`,
      await bearer('admin', randomUUID()),
    );
    expect(read.status).toBe(200);
    expectValidFhir(read.body);
    return read.body as Encounter;
  };

  it('learns names from the directory records, the latest record winning, and shows none it was not given', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const before = await encounter(sessionId);
    expect(before.participant.map((p) => p.individual)).toEqual([
      { reference: `Practitioner/${booked.providerId}` },
    ]);
    expect(before.location).toEqual([{ location: { reference: `Location/${booked.clinicId}` } }]);

    await bed.kit.scheduling(STAFF_MEMBER_RECORDED, staffMemberRecorded(booked.providerId, 'NY'));
    await bed.kit.scheduling(CLINIC_RECORDED, clinicRecorded(booked.clinicId, 'Riverside'));
    await bed.kit.scheduling(
      CLINIC_RECORDED,
      clinicRecorded(booked.clinicId, 'Riverside Telehealth'),
    );
    await eventually(async () => {
      const after = await encounter(sessionId);
      expect(after.participant.map((p) => p.individual)).toEqual([
        { reference: `Practitioner/${booked.providerId}`, display: 'Dr. Adaeze Okafor' },
      ]);
      expect(after.location).toEqual([
        { location: { reference: `Location/${booked.clinicId}`, display: 'Riverside Telehealth' } },
      ]);
      // The platform keeps no patient name: the subject is a reference only.
      expect(after.subject).toEqual({ reference: `Patient/${booked.patientId}` });
    }, within);
  });

  it('applies a redelivered clinic record once', async () => {
    const clinicId = randomUUID();
    const names = bed.app.get(ClinicNames);
    const eventId = randomUUID();
    expect(await names.recorded(eventId, clinicRecorded(clinicId, 'North'))).toBe(true);
    expect(await names.recorded(eventId, clinicRecorded(clinicId, 'North'))).toBe(false);
    expect(await names.nameOf(clinicId)).toBe('North');
    expect(await names.nameOf(randomUUID())).toBeUndefined();
  });
});
