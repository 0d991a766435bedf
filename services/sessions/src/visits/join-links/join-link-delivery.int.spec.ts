import { getConnectionToken } from '@nestjs/mongoose';
import { EncryptedField, fromKafkaHeaders, TOPICS, validateEvent } from '@thc/contracts';
import { EnvMasterKeyring, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Consumer } from 'kafkajs';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionIdOf } from '../domain/session-id';
import { booking, BOOKED, RESCHEDULED } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { useSessionsApp } from '../testing/sessions-testbed';

const REQUESTED = 'thc.sessions.JoinLinkDeliveryRequested.v1';
const ASSIGNED = 'thc.scheduling.InterpreterAssigned.v1';
const masterKeys = `test:${randomBytes(32).toString('base64')}`;

interface Published {
  readonly key: string;
  readonly source: string;
  readonly data: Record<string, unknown> & { link: EncryptedField };
}

describe('join links handed sealed to the notifications service', () => {
  const ns = new TestNamespace('sessions-link-delivery');
  const bed = useSessionsApp(ns, {
    publishes: true,
    env: { PHI_MASTER_KEYS: masterKeys, PHI_KEYS_DB: ns.database('phi_keys') },
  });
  let consumer: Consumer;
  let cipher: PhiCipher;
  let coordinator: Record<string, string>;
  const requested: Published[] = [];

  beforeAll(async () => {
    // The notifications service's side: the same key store, opened with the contract's binding.
    const keys = bed.app
      .get<Connection>(getConnectionToken())
      .useDb(ns.database('phi_keys'), { useCache: true });
    cipher = new PhiCipher(new PatientKeyStore(keys, new EnvMasterKeyring(masterKeys)));
    coordinator = await bearer('coordinator', randomUUID());

    consumer = ns.kafka().consumer({ groupId: ns.group('notifications-watch') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.sessions), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (!decoded.ok || decoded.attributes.type !== REQUESTED) return;
        requested.push({
          key: message.key?.toString() ?? '',
          source: decoded.attributes.source,
          data: JSON.parse(message.value?.toString() ?? '{}'),
        });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
  });

  const requestsFor = (sessionId: string) =>
    requested.filter((r) => r.key === `session-${sessionId}`);
  const opened = async (patientId: string, link: EncryptedField) =>
    cipher.open({ patientId, record: 'Session', field: 'joinLink' }, link);
  const tokenOf = (joinUrl: string) => joinUrl.split('#')[1] ?? '';
  const join = (joinUrl: string) =>
    callService(bed.url, 'POST', '/api/v1/join', {}, { token: tokenOf(joinUrl) });
  const issue = (sessionId: string, body: object) =>
    callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/links`, coordinator, body);

  /** A visit ten minutes away (its links open), with an interpreter and a caregiver. */
  async function bookedWithCompany() {
    const visit = booking(new Date(Date.now() + 10 * 60_000));
    const interpreterId = randomUUID();
    const caregiverId = randomUUID();
    const booked = {
      ...visit,
      participants: [
        ...visit.participants,
        { participantId: interpreterId, role: 'interpreter' as const },
        { participantId: caregiverId, role: 'caregiver' as const },
      ],
    };
    await bed.kit.scheduling(BOOKED, booked);
    const sessionId = sessionIdOf(booked.appointmentId);
    await eventually(async () => expect(requestsFor(sessionId)).toHaveLength(3), within);
    return { booked, sessionId, interpreterId, caregiverId };
  }

  it('a booking asks for one link per participant but the provider, sealed, and each opens to a link that joins', async () => {
    const { booked, sessionId, interpreterId, caregiverId } = await bookedWithCompany();

    const requests = requestsFor(sessionId);
    expect(requests.map((r) => [r.data['participantId'], r.data['role']]).sort()).toEqual(
      [
        [booked.patientId, 'patient'],
        [interpreterId, 'interpreter'],
        [caregiverId, 'caregiver'],
      ].sort(),
    );
    const expiresAt = new Date(Date.parse(booked.start) + 120 * 60_000).toISOString();
    for (const request of requests) {
      expect(request.source).toBe('/thc/sessions');
      expect(validateEvent(REQUESTED, request.data)).toBeUndefined();
      expect(request.data).toMatchObject({
        sessionId,
        appointmentId: booked.appointmentId,
        patientId: booked.patientId,
        visitStart: booked.start,
        expiresAt,
        deliver: 'before-visit',
      });
    }

    const answers: Record<string, unknown> = {};
    for (const request of requests) {
      const link = await opened(booked.patientId, request.data.link);
      if (!link.readable) throw new Error('the sealed link does not open');
      expect(JSON.stringify(request.data)).not.toContain(tokenOf(link.value));
      const joined = await join(link.value);
      expect(joined.status).toBe(200);
      answers[request.data['role'] as string] = joined.body;
    }
    expect(answers).toEqual({
      patient: expect.objectContaining({ status: 'waiting', role: 'patient', sessionId }),
      interpreter: expect.objectContaining({ status: 'in-visit', role: 'interpreter' }),
      caregiver: expect.objectContaining({ status: 'in-visit', role: 'caregiver' }),
    });

    // Bound to its record and field: opened as another field of the session, it fails.
    await expect(
      cipher.open(
        { patientId: booked.patientId, record: 'Session', field: 'comment' },
        requests[0]!.data.link,
      ),
    ).rejects.toThrow();
  });

  it("a coordinator's new link is sent now by default, not with send: false, and the provider's only when asked", async () => {
    const { booked, sessionId, caregiverId } = await bookedWithCompany();

    const sent = await issue(sessionId, { participantId: caregiverId });
    expect(sent).toMatchObject({ status: 201, body: { deliveryRequested: true } });
    const { linkId, url: caregiverUrl } = sent.body as { linkId: string; url: string };
    await eventually(
      async () =>
        expect(requestsFor(sessionId).filter((r) => r.data['deliver'] === 'now')).toHaveLength(1),
      within,
    );
    const now = requestsFor(sessionId).find((r) => r.data['deliver'] === 'now')!;
    expect(validateEvent(REQUESTED, now.data)).toBeUndefined();
    expect(now.data).toMatchObject({ linkId, participantId: caregiverId, role: 'caregiver' });
    expect(await opened(booked.patientId, now.data.link)).toEqual({
      readable: true,
      value: caregiverUrl,
    });
    expect(await join(caregiverUrl)).toMatchObject({ status: 200, body: { role: 'caregiver' } });

    const kept = await issue(sessionId, { participantId: booked.patientId, send: false });
    expect(kept).toMatchObject({ status: 201, body: { deliveryRequested: false } });
    const provider = await issue(sessionId, { participantId: booked.providerId });
    expect(provider).toMatchObject({ status: 201, body: { deliveryRequested: false } });
    const providerSent = await issue(sessionId, { participantId: booked.providerId, send: true });
    expect(providerSent).toMatchObject({ status: 201, body: { deliveryRequested: true } });
    const providerLinkId = (providerSent.body as { linkId: string }).linkId;

    // The provider's requested link is published after the two that were not sent: once it is
    // here, the others would have been too.
    await eventually(
      async () =>
        expect(requestsFor(sessionId).map((r) => r.data['linkId'])).toContain(providerLinkId),
      within,
    );
    const sentIds = requestsFor(sessionId).map((r) => r.data['linkId']);
    expect(sentIds.filter((id) => id !== providerLinkId && id !== linkId)).toHaveLength(3);
    expect(sentIds).not.toContain((kept.body as { linkId: string }).linkId);
    expect(sentIds).not.toContain((provider.body as { linkId: string }).linkId);
  });

  /** Opens each request's sealed link as the notifications service would. */
  const linksOf = async (patientId: string, requests: readonly Published[]) => {
    const urls: Record<string, string> = {};
    for (const request of requests) {
      const link = await opened(patientId, request.data.link);
      if (!link.readable) throw new Error('the sealed link does not open');
      urls[request.data['participantId'] as string] = link.value;
    }
    return urls;
  };

  it('a move sends each participant but the provider a new link for the new time, which joins, and the old link is refused', async () => {
    const { booked, sessionId, interpreterId, caregiverId } = await bookedWithCompany();
    const before = await linksOf(booked.patientId, requestsFor(sessionId));

    // Five minutes later, still within the links' opening window, so the new ones join at once.
    const start = new Date(Date.parse(booked.start) + 5 * 60_000);
    await bed.kit.scheduling(RESCHEDULED, {
      appointmentId: booked.appointmentId,
      providerId: booked.providerId,
      previousStart: booked.start,
      previousEnd: booked.end,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      timeZone: 'America/New_York',
      rescheduledAt: new Date().toISOString(),
      rescheduledBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
    });
    const forNewTime = () =>
      requestsFor(sessionId).filter((r) => r.data['visitStart'] === start.toISOString());
    await eventually(async () => expect(forNewTime()).toHaveLength(3), within);

    const requests = forNewTime();
    expect(requests.map((r) => [r.data['participantId'], r.data['role']]).sort()).toEqual(
      [
        [booked.patientId, 'patient'],
        [interpreterId, 'interpreter'],
        [caregiverId, 'caregiver'],
      ].sort(),
    );
    for (const request of requests) {
      expect(validateEvent(REQUESTED, request.data)).toBeUndefined();
      expect(request.data).toMatchObject({
        sessionId,
        patientId: booked.patientId,
        deliver: 'before-visit',
        expiresAt: new Date(start.getTime() + 120 * 60_000).toISOString(),
      });
    }
    const after = await linksOf(booked.patientId, requests);
    for (const participantId of [booked.patientId, interpreterId, caregiverId]) {
      expect(after[participantId]).not.toBe(before[participantId]);
      expect((await join(before[participantId]!)).status).toBe(410);
    }
    expect(await join(after[booked.patientId]!)).toMatchObject({
      status: 200,
      body: { status: 'waiting', role: 'patient', sessionId },
    });
    expect(await join(after[interpreterId]!)).toMatchObject({
      status: 200,
      body: { role: 'interpreter' },
    });
    expect(await join(after[caregiverId]!)).toMatchObject({
      status: 200,
      body: { role: 'caregiver' },
    });
  });

  it('an interpreter drawn after booking is sent a link that joins; the one they replace is refused', async () => {
    const { booked, sessionId, interpreterId } = await bookedWithCompany();
    const before = await linksOf(booked.patientId, requestsFor(sessionId));
    const drawn = randomUUID();
    const assigned = {
      appointmentId: booked.appointmentId,
      interpreterId: drawn,
      start: booked.start,
      end: booked.end,
      assignedAt: new Date().toISOString(),
      assignedBy: { kind: 'user', userId: booked.providerId, role: 'provider' },
    };
    const id = await bed.kit.scheduling(ASSIGNED, assigned);
    await bed.kit.scheduling(ASSIGNED, assigned, id); // redelivered: no second link
    const forDrawn = () => requestsFor(sessionId).filter((r) => r.data['participantId'] === drawn);
    await eventually(async () => expect(forDrawn()).toHaveLength(1), within);

    const [request] = forDrawn();
    expect(validateEvent(REQUESTED, request!.data)).toBeUndefined();
    expect(request!.data).toMatchObject({
      role: 'interpreter',
      visitStart: booked.start,
      deliver: 'before-visit',
    });
    const link = (await linksOf(booked.patientId, [request!]))[drawn]!;
    expect(await join(link)).toMatchObject({ status: 200, body: { role: 'interpreter' } });
    expect((await join(before[interpreterId]!)).status).toBe(410);
    // The redelivery has had time to be consumed; the others keep the links sent at booking.
    await sleep(1500);
    expect(requestsFor(sessionId)).toHaveLength(4);
  });

  it('refuses a send that is not a boolean, naming the field, and issues nothing', async () => {
    const { booked, sessionId } = await bookedWithCompany();
    const before = await bed.store.load(`session-${sessionId}`);
    for (const send of ['yes', null, 1]) {
      const refused = await issue(sessionId, { participantId: booked.patientId, send });
      expect(refused).toMatchObject({
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(JSON.stringify(refused.body)).toContain('send');
    }
    expect(await bed.store.load(`session-${sessionId}`)).toHaveLength(before.length);
  });
});
