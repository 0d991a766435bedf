import { validateEvent } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { contactsSpec, RECORD as record } from '../testing/contacts-spec';

/**
 * People's contact points are PHI: sealed in the events and the views, opened only for those
 * who reach the patient.
 */
describe("recording a person's contact preferences", () => {
  const spec = contactsSpec(new TestNamespace('notif-record'), { watch: true });
  const { patientId, put, get, as } = spec;

  const caregiverId = randomUUID();

  it('is recorded by the patient and read back opened, in canonical form', async () => {
    const recorded = await put(patientId, as.patient, record);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ personId: patientId, version: 1, changed: true });

    const read = await get(patientId, as.patient);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      personId: patientId,
      patientId,
      email: 'ana.lopez@example.org',
      mobile: '+12015550123',
      preferredLanguage: 'es-MX',
      timeZone: 'America/New_York',
      quietHours: { start: '21:00', end: '08:00' },
      consent: { byEmail: true, bySms: true },
      optedOut: { email: false, sms: false },
      recordedAt: expect.any(String),
      version: 1,
    });
    // The read is a disclosure, recorded in the patient's PHI access stream.
    const accesses = await spec.started.app.get(MongoEventStore).load(`phi-access-${patientId}`);
    expect(accesses.map((event) => event.data)).toContainEqual(
      expect.objectContaining({ resource: 'Person', resourceId: patientId, action: 'read' }),
    );
    // At rest the view holds seals only.
    const view = JSON.stringify(
      await spec.live.db.collection('contact_points').findOne({ _id: patientId as never }),
    );
    expect(view).not.toContain('ana.lopez');
    expect(view).not.toContain('5550123');
    expect(view).not.toContain('es-MX');
  });

  it('appends nothing when the same record is stated again', async () => {
    const again = await put(patientId, as.patient, { ...record, mobile: '+12015550123' });
    expect(again.body).toEqual({ personId: patientId, version: 1, changed: false });
  });

  it('gives the dispatcher the contact points opened', async () => {
    expect(await spec.live.directory.contactFor(patientId)).toEqual({
      found: true,
      contact: {
        personId: patientId,
        patientId,
        email: 'ana.lopez@example.org',
        mobile: '+12015550123',
        language: 'es-MX',
        timeZone: 'America/New_York',
        quietHours: { start: '21:00', end: '08:00' },
        consent: { byEmail: true, bySms: true },
        optedOut: { email: false, sms: false },
      },
    });
    expect(await spec.live.directory.contactFor(randomUUID())).toEqual({
      found: false,
      reason: 'none',
    });
  });

  it.each([
    [{ ...record, mobile: '201-555-0123' }, 'mobile'],
    [{ ...record, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ ...record, quietHours: { start: '21:00', end: '25:00' } }, 'quietHours.end'],
    [{ ...record, preferredLanguage: 'Spanish!' }, 'preferredLanguage'],
    [{ ...record, email: 'ana at example' }, 'email'],
    [{ ...record, consent: undefined }, 'consent'],
    [{ ...record, ssn: '123-45-6789' }, 'ssn'],
  ])('refuses bad input naming the field (%#: %s), and stores nothing', async (body, field) => {
    const refused = await put(patientId, as.patient, body);
    expect(refused.status).toBe(400);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.text).toContain(field);
    expect((await get(patientId, as.patient)).body).toMatchObject({ version: 1 });
  });

  it("is refused to another patient, another clinic's coordinator, and staff of no visit", async () => {
    const other = await bearer('patient', randomUUID());
    expect((await put(patientId, other, record)).status).toBe(403);
    expect((await get(patientId, other)).status).toBe(403);
    expect((await put(patientId, as.coordinatorB, record)).status).toBe(403);
    expect((await get(patientId, as.coordinatorB)).status).toBe(403);
    // A patient records their own only: not as a caregiver of someone else.
    const refused = await put(patientId, as.patient, { ...record, patientId: randomUUID() });
    expect(refused.status).toBe(403);
    // Covering every clinic is not enough for a patient with no visit.
    const stranger = randomUUID();
    expect((await put(stranger, await bearer('admin', randomUUID()), record)).status).toBe(403);
    expect((await get(patientId, as.patient)).body).toMatchObject({ version: 1 });
  });

  it("is recorded by the clinic's coordinator for the patient's caregiver, sealed under the patient", async () => {
    const { directory } = spec.live;
    const recorded = await put(caregiverId, as.coordinatorA, {
      patientId,
      mobile: '+12015550123',
      timeZone: 'America/Chicago',
      consent: { byEmail: false, bySms: true },
    });
    expect(recorded.status).toBe(200);
    expect(await get(caregiverId, as.coordinatorA)).toMatchObject({
      status: 200,
      body: { personId: caregiverId, patientId, mobile: '+12015550123' },
    });
    // The caregiver states no language and is no patient: none is made up for them.
    expect(await directory.contactFor(caregiverId)).toMatchObject({
      found: true,
      contact: { patientId, mobile: '+12015550123' },
    });
    expect(await directory.contactFor(caregiverId)).not.toHaveProperty('contact.language');
  });

  it('publishes the records valid, with no contact point in clear', async () => {
    const mine = await eventually(async () => {
      const events = spec.published.filter((event) =>
        ([patientId, caregiverId] as string[]).includes(event.data['personId'] as string),
      );
      expect(events.map((event) => event.type)).toEqual([
        'thc.notifications.ContactPreferencesRecorded.v1',
        'thc.notifications.ContactPreferencesRecorded.v1',
      ]);
      return events;
    });
    for (const { type, data, raw } of mine) {
      expect(validateEvent(type, data)).toBeUndefined();
      for (const clear of ['ana.lopez', '5550123', 'es-MX', 'ES-mx'])
        expect(raw).not.toContain(clear);
    }
    expect(mine.find((event) => event.data['personId'] === patientId)?.data).toMatchObject({
      email: { alg: 'AES-256-GCM', v: 2 },
      mobile: { alg: 'AES-256-GCM', v: 2 },
      preferredLanguage: { alg: 'AES-256-GCM', v: 2 },
      timeZone: 'America/New_York',
    });
  });
});
