import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useSessionsApp } from './testing/sessions-testbed';

type Headers = Record<string, string>;

/**
 * Coordinators and admins act only for the clinics they cover: a session of another clinic is
 * refused (403, nothing changed), and every list (a patient's or provider's sessions, the
 * waiting room, the open issues) shows only their clinics' rows, positions counted among them.
 */
describe('sessions within the clinics a coordinator covers', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-clinic-scope'));

  const clinicA = randomUUID();
  const clinicB = randomUUID();
  const patientId = randomUUID();
  const providerId = randomUUID();
  let everywhere: Headers;
  let coordinatorA: Headers;
  let coordinatorB: Headers;
  let adminB: Headers;
  /** The patient's sessions with the provider: one in each clinic. */
  let inA: string;
  let inB: string;

  const get = (path: string, headers: Headers) => callService(bed.url, 'GET', path, headers);
  const post = (path: string, headers: Headers, body: object = {}) =>
    callService(bed.url, 'POST', path, headers, body);
  const sessionIds = (response: { body: unknown }) =>
    (response.body as { sessionId: string }[]).map((s) => s.sessionId);

  beforeAll(async () => {
    everywhere = await bearer('coordinator', randomUUID());
    coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [clinicB] });
    adminB = await bearer('admin', randomUUID(), { clinics: [clinicB] });
    inA = (await bed.kit.bookedSession(24 * 60, { patientId, providerId, clinicId: clinicA }))
      .sessionId;
    inB = (await bed.kit.bookedSession(25 * 60, { patientId, providerId, clinicId: clinicB }))
      .sessionId;
  });

  it("lists a patient's and a provider's sessions of the caller's clinics only", async () => {
    const ofPatient = `/api/v1/patients/${patientId}/sessions`;
    const ofProvider = `/api/v1/providers/${providerId}/sessions`;
    for (const path of [ofPatient, ofProvider]) {
      expect({ path, ids: sessionIds(await get(path, coordinatorA)) }).toEqual({
        path,
        ids: [inA],
      });
      expect({ path, ids: sessionIds(await get(path, coordinatorB)) }).toEqual({
        path,
        ids: [inB],
      });
      expect({ path, ids: sessionIds(await get(path, adminB)) }).toEqual({ path, ids: [inB] });
      expect(sessionIds(await get(path, everywhere))).toEqual([inA, inB]);
    }
    // A coordinator of neither clinic reaches no such patient at all.
    const elsewhere = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    const refused = await get(ofPatient, elsewhere);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain(inA);
    expect(sessionIds(await get(ofProvider, elsewhere))).toEqual([]);
    // The patient and the provider are not bounded by clinic.
    expect(sessionIds(await get(ofPatient, await bearer('patient', patientId)))).toEqual([
      inA,
      inB,
    ]);
  });

  it("refuses another clinic's session to its coordinators and admins, read or changed, and changes nothing", async () => {
    const reads = [`/api/v1/sessions/${inA}`, `/fhir/Encounter/${inA}`];
    for (const path of reads) {
      expect({ path, status: (await get(path, coordinatorA)).status }).toEqual({
        path,
        status: 200,
      });
      for (const caller of [coordinatorB, adminB]) {
        const refused = await get(path, caller);
        expect({ path, status: refused.status }).toEqual({ path, status: 403 });
        expect(refused.text).not.toContain(patientId);
      }
    }
    const before = await get(`/api/v1/sessions/${inA}`, coordinatorA);
    const changes: [string, object][] = [
      [`/api/v1/sessions/${inA}/links`, { participantId: patientId }],
      [`/api/v1/sessions/${inA}/issues`, { category: 'audio', participantId: patientId }],
      [`/api/v1/sessions/${inA}/admit`, {}],
      [`/api/v1/sessions/${inA}/end`, { outcome: 'patient-no-show' }],
    ];
    for (const [path, body] of changes)
      for (const caller of [coordinatorB, adminB])
        expect({ path, status: (await post(path, caller, body)).status }).toEqual({
          path,
          status: 403,
        });
    expect(await get(`/api/v1/sessions/${inA}`, coordinatorA)).toEqual(before);
  });

  it("shows each clinic's coordinator only the patients waiting for visits in their clinics", async () => {
    const waitingFor = randomUUID();
    const arrive = async (clinicId: string) => {
      const visit = await bed.kit.bookedSession(5, { providerId: waitingFor, clinicId });
      const { patientId: arriving } = visit.booked;
      const link = await post(`/api/v1/sessions/${visit.sessionId}/links`, everywhere, {
        participantId: arriving,
      });
      expect(link.status).toBe(201);
      const token = (link.body as { url: string }).url.split('#')[1] ?? '';
      expect((await post('/api/v1/join', {}, { token })).status).toBe(200);
      return visit.sessionId;
    };
    const waitingA = await arrive(clinicA);
    const waitingB = await arrive(clinicB);
    const room = async (caller: Headers) =>
      (
        (await get(`/api/v1/providers/${waitingFor}/waiting-room`, caller)).body as {
          waiting: { sessionId: string; position: number }[];
        }
      ).waiting.map(({ sessionId, position }) => ({ sessionId, position }));
    expect(await room(coordinatorA)).toEqual([{ sessionId: waitingA, position: 1 }]);
    expect(await room(coordinatorB)).toEqual([{ sessionId: waitingB, position: 1 }]);
    expect(await room(await bearer('provider', waitingFor))).toEqual([
      { sessionId: waitingA, position: 1 },
      { sessionId: waitingB, position: 2 },
    ]);
  });

  it("queues each clinic's open issues for its own coordinators, and refuses assigning another clinic's", async () => {
    const patient = await bearer('patient', patientId);
    const open = async (sessionId: string) => {
      const opened = await post(`/api/v1/sessions/${sessionId}/issues`, patient, {
        category: 'video',
        participantId: patientId,
      });
      expect(opened.status).toBe(201);
      return (opened.body as { issueId: string }).issueId;
    };
    const issueA = await open(inA);
    const issueB = await open(inB);
    const queue = async (caller: Headers) =>
      ((await get('/api/v1/issues/open', caller)).body as { issueId: string }[]).map(
        (issue) => issue.issueId,
      );
    expect(await queue(coordinatorA)).toEqual([issueA]);
    expect(await queue(coordinatorB)).toEqual([issueB]);
    expect(await queue(everywhere)).toEqual(expect.arrayContaining([issueA, issueB]));

    const assign = `/api/v1/sessions/${inA}/issues/${issueA}/assign`;
    const coordinatorId = randomUUID();
    expect((await post(assign, coordinatorB, { coordinatorId })).status).toBe(403);
    const queued = (await get('/api/v1/issues/open', coordinatorA)).body as {
      assignedTo?: string;
    }[];
    expect(queued[0]?.assignedTo).toBeUndefined();
  });
});
