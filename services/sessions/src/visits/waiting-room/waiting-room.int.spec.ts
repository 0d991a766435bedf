import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useSessionsApp } from '../testing/sessions-testbed';

describe("a provider's waiting room", () => {
  const bed = useSessionsApp(new TestNamespace('sessions-waiting-room'));
  const roomOf = (providerId: string, headers: Record<string, string>) =>
    callService(bed.url, 'GET', `/api/v1/providers/${providerId}/waiting-room`, headers);

  /** The patient of a visit soon opens their link and waits. */
  const arrive = async (providerId: string) => {
    const { booked, sessionId } = await bed.kit.bookedSession(5, { providerId });
    const coordinator = await bearer('coordinator', randomUUID());
    const link = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      coordinator,
      {
        participantId: booked.patientId,
      },
    );
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    const joined = await callService(bed.url, 'POST', '/api/v1/join', {}, { token });
    expect(joined.body).toMatchObject({ status: 'waiting' });
    return { sessionId, patientId: booked.patientId };
  };

  it('lists the patients who arrived, in order of arrival, to their provider', async () => {
    const providerId = randomUUID();
    const first = await arrive(providerId);
    const second = await arrive(providerId);
    const room = await roomOf(providerId, await bearer('provider', providerId));
    expect(room.status).toBe(200);
    expect(room.body).toEqual({
      providerId,
      waiting: [
        expect.objectContaining({ position: 1, ...first }),
        expect.objectContaining({ position: 2, ...second }),
      ],
    });
  });

  it("refuses another provider's room, and an id that is not one", async () => {
    const providerId = randomUUID();
    const other = await bearer('provider', randomUUID());
    expect((await roomOf(providerId, other)).status).toBe(403);
    const invalid = await roomOf('not-an-id', other);
    expect(invalid.status).toBe(400);
    expect(invalid.type).toContain('application/problem+json');
  });
});
