import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('troubleshooting and patient assistance', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-trouble'));

  it('a failed pre-visit check opens an issue that a coordinator sees in the queue, takes, and resolves', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const patient = await bearer('patient', booked.patientId);
    const coordinatorId = randomUUID();
    const coordinator = await bearer('coordinator', coordinatorId);

    const check = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/pre-visit-checks`,
      { ...patient, 'accept-language': 'es' },
      {
        participantId: booked.patientId,
        checks: { camera: 'pass', microphone: 'fail', speaker: 'pass', network: 'pass' },
        client: { device: 'desktop', browser: 'chrome' },
      },
    );
    expect(check).toMatchObject({
      status: 201,
      body: { result: 'failed', issueId: expect.any(String) },
    });
    const { issueId, steps } = check.body as {
      issueId: string;
      steps: { step: string; text: string }[];
    };
    expect(steps[0]?.text).toContain('volumen');

    const types = (await bed.store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);
    expect(types.slice(-2)).toEqual(['PreVisitCheckRecorded', 'TechnicalIssueOpened']);

    const queue = async () =>
      (await callService(bed.url, 'GET', '/api/v1/issues/open', coordinator)).body as {
        issueId: string;
        assignedTo?: string;
        category: string;
        trigger: string;
      }[];
    expect((await queue()).find((i) => i.issueId === issueId)).toMatchObject({
      category: 'audio',
      trigger: 'pre-visit-check',
    });
    expect((await callService(bed.url, 'GET', '/api/v1/issues/open', patient)).status).toBe(403);

    const base = `/api/v1/sessions/${sessionId}/issues/${issueId}`;
    expect(
      (await callService(bed.url, 'POST', `${base}/assign`, coordinator, { coordinatorId })).status,
    ).toBe(204);
    expect((await queue()).find((i) => i.issueId === issueId)).toMatchObject({
      assignedTo: coordinatorId,
    });
    expect(
      (
        await callService(bed.url, 'POST', `${base}/resolve`, coordinator, {
          outcome: 'fixed',
          steps: ['grant-permissions', 'reload-page'],
        })
      ).status,
    ).toBe(204);
    expect((await queue()).find((i) => i.issueId === issueId)).toBeUndefined();
    expect(
      (
        await callService(bed.url, 'POST', `${base}/resolve`, coordinator, {
          outcome: 'fixed',
          steps: [],
        })
      ).status,
    ).toBe(409);

    const resolved = (await bed.store.load(`session-${sessionId}`)).at(-1);
    expect(resolved?.data).toMatchObject({
      outcome: 'fixed',
      steps: ['grant-permissions', 'reload-page'],
      category: 'audio',
      secondsToResolve: expect.any(Number),
    });
  });

  it('a patient reports an issue for themselves only, and reads the playbook in Spanish', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const patient = await bearer('patient', booked.patientId);
    const opened = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/issues`,
      patient,
      {
        category: 'join-link',
        participantId: booked.patientId,
        device: 'mobile',
      },
    );
    expect(opened).toMatchObject({
      status: 201,
      body: { steps: [{ step: 'new-join-link' }, { step: 'reload-page' }, { step: 'dial-in' }] },
    });
    const forOther = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/issues`,
      patient,
      {
        category: 'audio',
        participantId: booked.providerId,
      },
    );
    expect(forOther.status).toBe(403);
    const playbook = await callService(bed.url, 'GET', '/api/v1/playbooks/video?device=tablet', {
      ...patient,
      'accept-language': 'es-MX',
    });
    expect(playbook).toMatchObject({
      status: 200,
      body: [{ step: 'grant-permissions', text: expect.stringContaining('Ajustes') }, {}, {}, {}],
    });
    expect((await callService(bed.url, 'GET', '/api/v1/playbooks/telepathy', patient)).status).toBe(
      404,
    );
  });
});
