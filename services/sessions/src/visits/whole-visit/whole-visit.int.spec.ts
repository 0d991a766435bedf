import { bearer, callService, eventually, expectValidFhir, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { CONSENT_GRANTED, consentGranted } from '../testing/scheduling-events';
import { advanceClock } from '../testing/sessions-test-app';
import { useSessionsApp } from '../testing/sessions-testbed';

const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

describe('a whole virtual visit, scripted', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-visit'), { phi: true });

  it('check, wait, admit, quality samples, drop, rejoin, audio-only, end and survey give the expected events and Encounter', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    const { patientId, providerId } = booked;
    await bed.kit.compliance(CONSENT_GRANTED, consentGranted(patientId));
    const coordinator = await bearer('coordinator', randomUUID());
    const provider = await bearer('provider', providerId);
    const patient = await bearer('patient', patientId);
    await qualifyProvider(bed.app, providerId);
    const post = (path: string, headers: Record<string, string>, body?: object) =>
      callService(bed.url, 'POST', `/api/v1${path}`, headers, body);
    const s = `/sessions/${sessionId}`;

    const linkOf = async (participantId: string) => {
      const link = await post(`${s}/links`, coordinator, { participantId });
      expect(link.status).toBe(201);
      return (link.body as { url: string }).url.split('#')[1] ?? '';
    };
    const patientLink = await linkOf(patientId);
    const providerLink = await linkOf(providerId);
    const join = (token: string) => post('/join', {}, { token });

    const check = await post(`${s}/pre-visit-checks`, patient, {
      participantId: patientId,
      checks: { camera: 'pass', microphone: 'pass', speaker: 'pass', network: 'warn' },
      network: { downlinkKbps: 1800, uplinkKbps: 420, rttMs: 180 },
      client: { device: 'mobile', browser: 'safari' },
    });
    expect(check).toMatchObject({ status: 201, body: { result: 'warning', steps: [] } });
    await confirmPatientLocation(bed.url, sessionId, patient);

    expect(await join(patientLink)).toMatchObject({
      status: 200,
      body: { status: 'waiting', role: 'patient', position: 1 },
    });
    const room = await callService(
      bed.url,
      'GET',
      `/api/v1/providers/${providerId}/waiting-room`,
      provider,
    );
    expect(room).toMatchObject({
      status: 200,
      body: { waiting: [{ position: 1, sessionId, patientId }] },
    });
    const other = await bearer('provider', randomUUID());
    expect(
      (await callService(bed.url, 'GET', `/api/v1/providers/${providerId}/waiting-room`, other))
        .status,
    ).toBe(403);

    // Started (consent on record, from Kafka) and the provider in the room.
    await eventually(async () => expect((await post(`${s}/start`, provider)).status).toBe(200), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });
    expect(await join(providerLink)).toMatchObject({ status: 200, body: { status: 'in-visit' } });

    advanceClock(90_000); // the patient waits a minute and a half
    expect((await post(`${s}/admit`, provider)).status).toBe(200);
    const inVisit = await join(patientLink);
    expect(inVisit).toMatchObject({
      status: 200,
      body: { status: 'in-visit', room: { url: expect.stringContaining(sessionId) } },
    });

    const sample = (body: object) =>
      post(`${s}/participants/${patientId}/quality-samples`, patient, body);
    expect(
      (await sample({ rttMs: 80, jitterMs: 5, packetLossPercent: 0.2, bitrateKbps: 1200 })).status,
    ).toBe(204);
    expect(
      (await sample({ rttMs: 620, jitterMs: 70, packetLossPercent: 8, bitrateKbps: 180 })).status,
    ).toBe(204);
    expect(
      (await post(`${s}/participants/${patientId}/leave`, patient, { reason: 'disconnected' }))
        .status,
    ).toBe(204);
    expect(await join(patientLink)).toMatchObject({ status: 200, body: { status: 'in-visit' } });
    expect(
      (
        await post(`${s}/participants/${patientId}/audio-only`, patient, {
          trigger: 'poor-connection',
        })
      ).status,
    ).toBe(204);

    advanceClock(20 * 60_000);
    expect(await post(`${s}/end`, provider, { outcome: 'completed' })).toMatchObject({
      status: 200,
      body: { status: 'ended', outcome: 'completed' },
    });

    const survey = {
      overall: 4,
      wouldRecommend: 9,
      technicalQuality: 3,
      comment: 'The sound cut out twice',
    };
    expect((await post(`${s}/survey`, patient, survey)).status).toBe(201);
    expect((await post(`${s}/survey`, patient, survey)).status).toBe(409);

    const events = await bed.store.load(`session-${sessionId}`);
    expect(events.map((e) => e.type.split('.')[2])).toEqual([
      // Booked: the patient's link, handed sealed to the notifications service.
      'SessionCreated',
      'JoinLinkIssued',
      'JoinLinkDeliveryRequested',
      // The coordinator's new link for the patient replaces it and is sent; the provider's is not.
      'JoinLinkRevoked',
      'JoinLinkIssued',
      'JoinLinkDeliveryRequested',
      'JoinLinkIssued',
      'PreVisitCheckRecorded',
      'PatientLocationConfirmed',
      'PatientArrivedInWaitingRoom',
      'SessionStarted',
      'ParticipantJoined',
      'PatientAdmitted',
      'ParticipantJoined',
      'ConnectionQualitySampled',
      'ConnectionQualitySampled',
      'ParticipantLeft',
      'ParticipantJoined',
      'SwitchedToAudioOnly',
      'ParticipantLeft',
      'ParticipantLeft',
      'SessionEnded',
      'SurveySubmitted',
    ]);
    const data = (type: string) =>
      events
        .filter((e) => e.type.includes(`.${type}.`))
        .map((e) => e.data as Record<string, unknown>);
    const waited = data('PatientAdmitted')[0]?.['waitedSeconds'] as number;
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(150);
    const [ended] = data('SessionEnded');
    expect(ended).toMatchObject({ outcome: 'completed', audioOnly: true });
    expect(ended?.['durationSeconds'] as number).toBeGreaterThanOrEqual(20 * 60);
    expect(ended?.['participantQuality']).toEqual([
      expect.objectContaining({
        participantId: patientId,
        role: 'patient',
        samples: 2,
        poorSamples: 1,
        drops: 1,
      }),
    ]);
    expect(data('ConnectionQualitySampled').map((d) => d['band'])).toEqual(['good', 'poor']);
    const [surveyed] = data('SurveySubmitted');
    expect(surveyed).toMatchObject({
      satisfaction: 4,
      nps: 9,
      audioVideoQuality: 3,
      comment: { alg: 'AES-256-GCM' },
    });
    expect(JSON.stringify(events)).not.toContain('sound cut out');

    const encounter = await callService(bed.url, 'GET', `/fhir/Encounter/${sessionId}`, patient);
    expect(encounter).toMatchObject({
      status: 200,
      type: expect.stringContaining('application/fhir+json'),
      body: {
        resourceType: 'Encounter',
        id: sessionId,
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
        subject: { reference: `Patient/${patientId}` },
        appointment: [{ reference: `Appointment/${booked.appointmentId}` }],
        length: { unit: 'min', code: 'min' },
      },
    });
    expect((encounter.body as { length: { value: number } }).length.value).toBeGreaterThanOrEqual(
      20,
    );
    expectValidFhir(encounter.body, 'the finished Encounter');
    expect(
      (
        await callService(
          bed.url,
          'GET',
          `/fhir/Encounter/${sessionId}`,
          await bearer('patient', randomUUID()),
        )
      ).status,
    ).toBe(403);

    const accesses = (await bed.store.load(`phi-access-${patientId}`)).filter(
      (e) => e.type === PHI_ACCESSED,
    );
    expect(accesses.length).toBeGreaterThanOrEqual(5); // waiting room, start, admit, end, Encounter
    expect(accesses.at(-1)?.data).toMatchObject({
      actorId: patientId,
      role: 'patient',
      resourceId: sessionId,
    });
  });
});
