import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { visitInProgress } from '../testing/visit-in-progress';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('a join link opened on a second device', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-second-device'), { phi: true });

  it('is refused with 409 while the patient is in the visit, gets no room, and writes nothing', async () => {
    const visit = await visitInProgress(bed.kit, bed.url, bearer);
    const before = await bed.store.model.countDocuments();

    // Someone who got hold of the patient's link (a forwarded message, a shared screen).
    const intruder = await visit.join(visit.patientLink);
    expect(intruder).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: expect.stringContaining('already open on another device') },
    });
    expect(intruder.text).not.toContain('room');
    // A made-up device token is no better than none.
    const guessed = await visit.join(visit.patientLink, randomBytes(32).toString('base64url'));
    expect(guessed.status).toBe(409);
    expect(await bed.store.model.countDocuments()).toBe(before);

    // The patient's own device (a reload) is still let in.
    const reload = await visit.join(visit.patientLink, visit.patientDevice);
    expect(reload).toMatchObject({ status: 200, body: { status: 'in-visit' } });
  });

  it('is refused while the patient waits to be admitted', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    const link = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      await bearer('coordinator', randomUUID()),
      { participantId: booked.patientId },
    );
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    const first = await callService(bed.url, 'POST', '/api/v1/join', {}, { token });
    expect(first).toMatchObject({ status: 200, body: { status: 'waiting' } });
    const second = await callService(bed.url, 'POST', '/api/v1/join', {}, { token });
    expect(second.status).toBe(409);
  });

  it('lets another device take the link over after the patient dropped', async () => {
    const visit = await visitInProgress(bed.kit, bed.url, bearer);
    const { patientId } = visit.booked;
    const left = await visit.post(
      `/api/v1/sessions/${visit.sessionId}/participants/${patientId}/leave`,
      visit.patient,
      { reason: 'disconnected' },
    );
    expect(left.status).toBe(204);
    const laptop = await visit.join(visit.patientLink);
    expect(laptop).toMatchObject({ status: 200, body: { status: 'in-visit' } });
    const newDevice = (laptop.body as { deviceToken: string }).deviceToken;
    expect(newDevice).not.toBe(visit.patientDevice);
    // The phone that dropped no longer holds the link while the laptop is in the visit.
    expect((await visit.join(visit.patientLink, visit.patientDevice)).status).toBe(409);
  });
});
