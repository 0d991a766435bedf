import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useWaitlistApp } from '../testing/waitlist-testbed';

describe('reading a waitlist entry over HTTP', () => {
  const t = useWaitlistApp(new TestNamespace('waitlist-read'), bearer);

  const read = (id: string, headers: Record<string, string>) =>
    callService(t.url, 'GET', `/api/v1/waitlist/${id}`, headers);

  it('lets a patient read only their own entry, and records the read as PhiAccessed', async () => {
    const entry = await t.join();
    expect((await read(entry.id, await bearer('patient', randomUUID()))).status).toBe(403);
    expect((await read(entry.id, t.coordinator)).status).toBe(200);
    const accesses = await t.store.load(`phi-access-${entry.patientId}`);
    expect(accesses.length).toBeGreaterThanOrEqual(1);
  });

  it('answers the entry with what it waits for and its offers, oldest first', async () => {
    // A clinic of its own: no one else waits there for the slot.
    const clinicId = randomUUID();
    const entry = await t.join({ clinicId, providerId: t.providerId });
    await t.freeSlot('2031-06-14T09:00:00Z', '2031-06-14T09:30:00Z', clinicId);
    const own = await read(entry.id, await bearer('patient', entry.patientId));
    expect(own).toMatchObject({
      status: 200,
      body: {
        waitlistEntryId: entry.id,
        status: 'waiting',
        patientId: entry.patientId,
        clinicId,
        providerId: t.providerId,
        visitType: 'video',
        offers: [
          expect.objectContaining({
            providerId: t.providerId,
            start: '2031-06-14T09:00:00Z',
            end: '2031-06-14T09:30:00Z',
            expiresAt: expect.any(String),
          }),
        ],
      },
    });
  });

  it('refuses staff of another clinic with 403, an unknown entry with 404 and a malformed id with 400', async () => {
    const entry = await t.join();
    const elsewhere = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    expect((await read(entry.id, elsewhere)).status).toBe(403);
    expect((await read(randomUUID(), t.coordinator)).status).toBe(404);
    const malformed = await read('not-a-uuid', t.coordinator);
    expect(malformed.status).toBe(400);
    expect(malformed.type).toContain('application/problem+json');
  });
});
