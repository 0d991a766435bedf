import { bearer, callService, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useWaitlistApp } from '../testing/waitlist-testbed';

const LEFT = 'thc.scheduling.WaitlistLeft.v1';

describe('leaving the waitlist over HTTP', () => {
  const t = useWaitlistApp(new TestNamespace('waitlist-leave'), bearer);
  const { providerId } = t;

  const leave = async (
    id: string,
    headers: Record<string, string>,
    body: unknown = { reasonCode: 'other' },
  ) => callService(t.url, 'POST', `/api/v1/waitlist/${id}/leave`, headers, body);

  it('lets the patient leave, records WaitlistLeft and PhiAccessed, and refuses a second leave', async () => {
    const entry = await t.join({ earlierThan: '2031-02-01T00:00:00Z' });
    const own = await bearer('patient', entry.patientId);
    const accessesBefore = (await t.store.load(`phi-access-${entry.patientId}`)).length;

    const left = await leave(entry.id, own, { reasonCode: 'booked-elsewhere' });
    expect(left).toMatchObject({
      status: 200,
      body: { waitlistEntryId: entry.id, status: 'left', leftAt: expect.any(String) },
    });
    const events = await t.store.load(`waitlist-entry-${entry.id}`);
    expect(events.map((e) => e.type)).toEqual(['thc.scheduling.WaitlistJoined.v1', LEFT]);
    expect(events[1]?.data).toMatchObject({
      reasonCode: 'booked-elsewhere',
      leftBy: { kind: 'user', userId: entry.patientId, role: 'patient' },
    });
    expect((await t.store.load(`phi-access-${entry.patientId}`)).length).toBeGreaterThan(
      accessesBefore,
    );
    expect((await t.read(entry)).status).toBe('left');

    const again = await leave(entry.id, own);
    expect(again).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: 'this waitlist entry has left the list' },
    });
    expect(await t.store.model.countDocuments({ streamId: `waitlist-entry-${entry.id}` })).toBe(2);
  });

  it('answers 404 for an unknown entry, 403 for another patient or a provider, and lets staff leave for the patient', async () => {
    expect((await leave(randomUUID(), t.coordinator)).status).toBe(404);
    const entry = await t.join({ earlierThan: '2031-02-01T00:00:00Z' });
    expect((await leave(entry.id, await bearer('patient', randomUUID()))).status).toBe(403);
    expect((await leave(entry.id, await bearer('provider', providerId))).status).toBe(403);
    expect((await t.read(entry)).status).toBe('waiting');
    const byStaff = await leave(entry.id, await bearer('admin', randomUUID()));
    expect(byStaff).toMatchObject({ status: 200, body: { status: 'left' } });
  });

  it('never offers a slot to a left entry, and passes an offer it held on at once', async () => {
    const window = { earlierThan: '2031-06-20T00:00:00Z', providerId };
    const leaver = await t.join(window);
    const holder = await t.join(window);
    const next = await t.join(window);
    expect((await leave(leaver.id, t.coordinator)).status).toBe(200);

    // The first entry left: the slot goes to the second.
    await t.freeSlot('2031-06-12T09:00:00Z', '2031-06-12T09:30:00Z');
    expect((await t.read(leaver)).offers).toEqual([]);
    expect((await t.read(holder)).offers).toEqual([
      expect.objectContaining({ start: '2031-06-12T09:00:00Z' }),
    ]);
    expect((await t.read(next)).offers).toEqual([]);

    // The second leaves holding it: the third gets it now, not an hour later.
    expect((await leave(holder.id, await bearer('patient', holder.patientId))).status).toBe(200);
    expect((await t.read(next)).offers).toEqual([
      expect.objectContaining({ start: '2031-06-12T09:00:00Z' }),
    ]);
    expect((await t.read(leaver)).offers).toEqual([]);
    const holderEvents = await t.store.load(`waitlist-entry-${holder.id}`);
    expect(holderEvents.map((e) => e.type.split('.')[2])).toEqual([
      'WaitlistJoined',
      'WaitlistSlotOffered',
      'WaitlistLeft',
    ]);
  });

  it('answers every hostile leave body and id with 400 problem+json and writes nothing', async () => {
    const entry = await t.join();
    const before = await t.store.model.countDocuments();
    const bodies = hostileBodies({ reasonCode: 'no-longer-needed' });
    expect(bodies.length).toBeGreaterThanOrEqual(20);
    for (const { label, body } of [
      ...bodies,
      { label: 'unknown reason code', body: { reasonCode: 'bored' } },
      { label: 'no reason code', body: {} },
    ]) {
      const response = await leave(entry.id, t.coordinator, body);
      expect({ label, status: response.status }).toEqual({ label, status: 400 });
      expect(response.type).toContain('application/problem+json');
    }
    for (const id of ['not-a-uuid', `${entry.id}x`, '%24where'])
      expect((await leave(id, t.coordinator)).status).toBe(400);
    expect(await t.store.model.countDocuments()).toBe(before);
    expect((await leave(entry.id, t.coordinator, { reasonCode: 'no-longer-needed' })).status).toBe(
      200,
    );
  });
});
