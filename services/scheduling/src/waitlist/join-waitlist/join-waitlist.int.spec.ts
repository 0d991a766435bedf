import { bearer, callService, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useWaitlistApp } from '../testing/waitlist-testbed';

describe('joining the waitlist over HTTP', () => {
  const t = useWaitlistApp(new TestNamespace('waitlist-join'), bearer);

  const wanting = (patientId: string) => ({
    patientId,
    clinicId: t.clinicId,
    visitType: 'video',
    earlierThan: '2031-06-30T00:00:00Z',
    timeZone: 'Europe/London',
  });
  const join = (body: unknown, headers: Record<string, string>) =>
    callService(t.url, 'POST', '/api/v1/waitlist', headers, body);
  const eventCount = () => t.store.model.countDocuments();

  it('lets a patient join for themselves: 201 with the entry, waiting, no offers yet', async () => {
    const patientId = randomUUID();
    const joined = await join(
      { ...wanting(patientId), providerId: t.providerId },
      await bearer('patient', patientId),
    );
    expect(joined).toMatchObject({
      status: 201,
      body: {
        waitlistEntryId: expect.any(String),
        status: 'waiting',
        patientId,
        clinicId: t.clinicId,
        providerId: t.providerId,
        earlierThan: '2031-06-30T00:00:00Z',
        joinedAt: expect.any(String),
        offers: [],
      },
    });
    const { waitlistEntryId } = joined.body as { waitlistEntryId: string };
    expect(await t.read({ patientId, id: waitlistEntryId })).toMatchObject({ status: 'waiting' });
  });

  it('refuses a patient joining for someone else, and staff of another clinic, storing nothing', async () => {
    const before = await eventCount();
    const forOther = await join(wanting(randomUUID()), await bearer('patient', randomUUID()));
    expect(forOther.status).toBe(403);
    const elsewhere = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    expect((await join(wanting(randomUUID()), elsewhere)).status).toBe(403);
    expect(await eventCount()).toBe(before);
  });

  it('refuses an unknown time zone naming the field, and a time already past with 422', async () => {
    const before = await eventCount();
    const badZone = await join(
      { ...wanting(randomUUID()), timeZone: 'Mars/Olympus' },
      t.coordinator,
    );
    expect(badZone.status).toBe(400);
    expect(
      (badZone.body as { 'invalid-params': { name: string }[] })['invalid-params'].map(
        (p) => p.name,
      ),
    ).toEqual(['timeZone']);
    const past = await join(
      { ...wanting(randomUUID()), earlierThan: '2030-12-01T00:00:00Z' },
      t.coordinator,
    );
    expect(past).toMatchObject({
      status: 422,
      body: { detail: 'earlierThan must be in the future' },
    });
    expect(await eventCount()).toBe(before);
  });

  it('answers every hostile waitlist body with 400 problem+json and writes nothing', async () => {
    const valid = {
      patientId: randomUUID(),
      clinicId: t.clinicId,
      providerId: t.providerId,
      visitType: 'audio',
      earlierThan: '2031-06-30T09:00:00+01:00',
      timeZone: 'Europe/London',
    };
    const before = await eventCount();
    const bodies = hostileBodies(valid);
    expect(bodies.length).toBeGreaterThanOrEqual(20);
    for (const { label, body } of bodies) {
      const response = await join(body, t.coordinator);
      expect({ label, status: response.status }).toEqual({ label, status: 400 });
      expect(response.type).toContain('application/problem+json');
    }
    expect(await eventCount()).toBe(before);
    expect((await join(valid, t.coordinator)).status).toBe(201);
  });
});
