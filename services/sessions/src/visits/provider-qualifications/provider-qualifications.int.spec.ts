import { TOPICS } from '@thc/contracts';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  CREDENTIALED,
  STAFF_MEMBER_RECORDED,
  staffCredentialed,
  staffMemberRecorded,
} from '../testing/qualification-events';
import { CONSENT_GRANTED, consentGranted } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('licensure at visit start and at transfer', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-licensure'));

  const training = (type: string, data: object) =>
    bed.kit.events.publish(TOPICS.training, '/thc/training', type, data);
  const eventTypes = async (sessionId: string) =>
    (await bed.store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);
  /** A provider the directory lists with these licences, credentialed by training, via Kafka. */
  const provider = async (...states: string[]) => {
    const staffId = randomUUID();
    await bed.kit.scheduling(STAFF_MEMBER_RECORDED, staffMemberRecorded(staffId, ...states));
    await training(CREDENTIALED, staffCredentialed(staffId));
    const qualifications = bed.app.get(ProviderQualifications);
    await eventually(async () => {
      const known = await qualifications.of(staffId);
      expect(known.credential?.status).toBe('current');
      expect(known.licences.map((l) => l.state)).toEqual(states);
    }, within);
    return staffId;
  };

  it('refuses the start until the patient confirms a state the provider is licensed in, saying what to do', async () => {
    const providerId = await provider('NJ');
    const { booked, sessionId } = await bed.kit.bookedSession(5, { providerId });
    await bed.kit.compliance(CONSENT_GRANTED, consentGranted(booked.patientId));
    const asProvider = await bearer('provider', providerId);
    const patient = await bearer('patient', booked.patientId);
    const start = () =>
      callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/start`, asProvider);
    const confirm = (state: string) =>
      callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/patient-location`, patient, {
        state,
      });

    // The consent reaches the gate through Kafka; then the location is what is missing.
    await eventually(async () => {
      const refused = await start();
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        detail: expect.stringContaining('ask the patient to confirm their location'),
      });
    }, within);

    expect(await confirm('PA')).toMatchObject({ status: 200, body: { sessionId, state: 'PA' } });
    expect(await start()).toMatchObject({
      status: 409,
      body: {
        detail: expect.stringContaining(
          'no active licence in PA, where the patient is; transfer the visit to a provider licensed in PA',
        ),
      },
    });
    expect((await confirm('pa')).status).toBe(400);

    expect((await confirm('NJ')).status).toBe(200);
    expect(await start()).toMatchObject({ status: 200, body: { status: 'in-progress' } });

    const refusals = (await bed.store.load(`session-${sessionId}`))
      .filter((e) => e.type === 'thc.sessions.SessionStartRefused.v1')
      .map((e) => e.data as { reason: string; patientState?: string });
    expect(refusals.slice(-2)).toEqual([
      expect.objectContaining({ reason: 'patient-location-unconfirmed' }),
      expect.objectContaining({
        reason: 'provider-not-licensed-in-patient-state',
        patientState: 'PA',
      }),
    ]);
  });

  it('refuses a transfer to a provider without a credential or a licence where the patient is, and records nothing; hands the visit to a qualified one', async () => {
    const providerId = await provider('NJ');
    const { booked, sessionId } = await bed.kit.bookedSession(5, { providerId });
    await bed.kit.compliance(CONSENT_GRANTED, consentGranted(booked.patientId));
    const coordinator = await bearer('coordinator', randomUUID());
    const s = `/api/v1/sessions/${sessionId}`;
    expect(
      (await callService(bed.url, 'POST', `${s}/patient-location`, coordinator, { state: 'NJ' }))
        .status,
    ).toBe(200);
    await eventually(
      async () =>
        expect((await callService(bed.url, 'POST', `${s}/start`, coordinator)).status).toBe(200),
      within,
    );
    const transfer = (to: string) =>
      callService(bed.url, 'POST', `${s}/transfer`, coordinator, { providerId: to });

    const uncredentialed = randomUUID();
    await bed.kit.scheduling(STAFF_MEMBER_RECORDED, staffMemberRecorded(uncredentialed, 'NJ'));
    const unlicensed = await provider('NY');
    const before = await eventTypes(sessionId);
    expect(await transfer(uncredentialed)).toMatchObject({
      status: 409,
      body: { detail: expect.stringContaining('has no telehealth credential on record') },
    });
    expect(await transfer(unlicensed)).toMatchObject({
      status: 409,
      body: { detail: expect.stringContaining('holds no active licence in NJ') },
    });
    expect(await eventTypes(sessionId)).toEqual(before);

    const qualified = await provider('NY', 'NJ');
    expect(await transfer(qualified)).toMatchObject({
      status: 200,
      body: { providerId: qualified },
    });
    expect((await eventTypes(sessionId)).slice(-1)).toEqual(['ProviderTransferred']);
  });

  it('keeps a directory record once, however often it is delivered', async () => {
    const staffId = randomUUID();
    const qualifications = bed.app.get(ProviderQualifications);
    const record = staffMemberRecorded(staffId, 'NJ');
    const eventId = randomUUID();
    expect(await qualifications.recorded(eventId, record)).toBe(true);
    expect(await qualifications.recorded(eventId, { ...record, licences: [] })).toBe(false);
    expect(await qualifications.of(staffId)).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      licences: [expect.objectContaining({ state: 'NJ' })],
    });
  });
});
