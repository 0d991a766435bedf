import { NestExpressApplication } from '@nestjs/platform-express';
import { EXAMPLE_IDS } from '@thc/contracts';
import { bearer, eventually, TestNamespace, walkRoutes, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditIntake } from '../intake/audit-intake';
import {
  complianceTestEnv,
  createComplianceTopics,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { AuditTrailCollections, EntryDocument } from './audit-trail.collections';
import { entryHash } from './domain/audit-hash';
import { ChainVerdict } from './domain/chain-verification';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('the hash-chained audit trail', () => {
  const ns = new TestNamespace('audit-trail');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let collections: AuditTrailCollections;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    collections = app.get(AuditTrailCollections);
    producer = ns.kafka().producer();
    await producer.connect();
    auditor = await bearer('auditor', randomUUID());
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const verify = async (): Promise<ChainVerdict> => {
    const response = await call(url, 'GET', '/api/v1/audit/verify', auditor);
    expect(response.status).toBe(200);
    return response.body as ChainVerdict;
  };
  const count = () => collections.entries.countDocuments();
  const bookingFor = (patientId: string) => ({
    type: 'thc.scheduling.AppointmentBooked.v1',
    data: { ...bookedExample(), appointmentId: randomUUID(), patientId },
    traceparent: TRACEPARENT,
  });

  it('every route declares who may call it', () => {
    expect(
      walkRoutes(app)
        .filter((route) => !route.policy)
        .map((route) => route.route),
    ).toEqual([]);
  });

  it('records events from every topic, including an unknown future type, and a redelivery adds nothing', async () => {
    const patientId = randomUUID();
    const before = await count();
    const [bookingId] = await publish(producer, ns, [bookingFor(patientId)]);
    const unknown = {
      type: 'thc.training.QuizRetaken.v2',
      data: {
        quizId: randomUUID(),
        retakenBy: { kind: 'user', userId: randomUUID(), role: 'trainer' },
      },
    };
    const [unknownId] = await publish(producer, ns, [unknown]);
    await eventually(async () => expect(await count()).toBe(before + 2));
    // The producer's relay publishes the same event again (at-least-once delivery).
    await publish(producer, ns, [
      { ...bookingFor(patientId), id: bookingId as string },
      { ...unknown, id: unknownId as string },
    ]);
    const marker = randomUUID();
    await publish(producer, ns, [bookingFor(marker)]);
    await eventually(async () =>
      expect(await collections.entries.countDocuments({ patientId: marker })).toBe(1),
    );
    expect(await count()).toBe(before + 3);
    expect(await collections.entries.findOne({ eventId: bookingId })).toMatchObject({
      action: 'C',
      patientId,
      resource: { type: 'Appointment' },
      actor: { kind: 'user', role: 'coordinator' },
      service: 'scheduling',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    // A type this service does not know is chained by id, type and source, its data not stored.
    expect(await collections.entries.findOne({ eventId: unknownId })).toMatchObject({
      type: 'thc.training.QuizRetaken.v2',
      service: 'training',
      data: null,
    });
    expect(await verify()).toMatchObject({ intact: true, lastSeq: before + 3 });
  });

  it('two writers appending at once share one gap-free chain and never record an event twice', async () => {
    const intake = app.get(AuditIntake);
    const before = await count();
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      source: '/thc/scheduling',
      type: 'thc.scheduling.AppointmentBooked.v1',
      subject: `appointment-${randomUUID()}`,
      time: new Date(Date.now() + i).toISOString(),
      data: { ...bookedExample(), patientId: randomUUID() },
    }));
    // A second instance of the service is a second writer over the same collections.
    const second = await startComplianceApp();
    try {
      await Promise.all([
        intake.ingest(events.slice(0, 30)),
        second.app.get(AuditIntake).ingest(events.slice(10, 40)),
        intake.ingest(events.slice(20, 40)),
      ]);
    } finally {
      await second.app.close();
    }
    expect(await count()).toBe(before + 40);
    expect(await verify()).toMatchObject({ intact: true, lastSeq: before + 40 });
  });

  it('signs checkpoints that verification checks', async () => {
    const checkpoints = await collections.checkpoints.find().toArray();
    expect(checkpoints.length).toBeGreaterThan(0);
    expect((await verify()).checkpointsVerified).toBe(checkpoints.length);
  });

  describe('tampering directly in MongoDB is found at the right entry', () => {
    let seq: number;
    let originals: EntryDocument[];

    beforeEach(async () => {
      const total = (await count()) + 6;
      await publish(
        producer,
        ns,
        Array.from({ length: 6 }, () => bookingFor(randomUUID())),
      );
      await eventually(async () => expect(await count()).toBe(total));
      expect((await verify()).intact).toBe(true);
      seq = total - 3;
      originals = await collections.entries.find({ _id: { $gte: seq } }).toArray();
    });

    afterEach(async () => {
      // Put the original documents back: the chain verifies again, so the next case starts clean.
      await collections.entries.deleteMany({ _id: { $gte: seq } });
      await collections.entries.insertMany(originals);
      expect((await verify()).intact).toBe(true);
    });

    it('an altered entry', async () => {
      await collections.entries.updateOne({ _id: seq }, { $set: { 'actor.role': 'admin' } });
      expect((await verify()).firstBreak).toMatchObject({ seq, reason: 'content-altered' });
    });

    it('an altered entry whose own hash was recomputed', async () => {
      const entry = await collections.entries.findOne({ _id: seq });
      if (!entry || entry.tombstone) throw new Error('entry missing');
      const { _id, hash: _, ...content } = { ...entry, patientId: randomUUID() };
      await collections.entries.updateOne(
        { _id: seq },
        { $set: { patientId: content.patientId, hash: entryHash({ ...content, seq: _id }) } },
      );
      expect((await verify()).firstBreak).toMatchObject({ seq: seq + 1, reason: 'link-broken' });
    });

    it('a deleted entry', async () => {
      await collections.entries.deleteOne({ _id: seq });
      expect((await verify()).firstBreak).toMatchObject({ seq, reason: 'missing' });
    });

    it('the last entry deleted', async () => {
      await collections.entries.deleteOne({ _id: seq + 3 });
      expect((await verify()).firstBreak).toMatchObject({ seq: seq + 3, reason: 'truncated' });
    });

    it('two entries swapped', async () => {
      const [a, b] = originals;
      if (!a || !b) throw new Error('entries missing');
      await collections.entries.deleteMany({ _id: { $in: [seq, seq + 1] } });
      await collections.entries.insertMany([
        { ...b, _id: seq },
        { ...a, _id: seq + 1 },
      ]);
      expect((await verify()).firstBreak).toMatchObject({ seq });
    });
  });
});

function bookedExample(): Record<string, unknown> {
  return {
    appointmentId: EXAMPLE_IDS.appointmentId,
    providerId: EXAMPLE_IDS.providerId,
    patientId: EXAMPLE_IDS.patientId,
    clinicId: EXAMPLE_IDS.clinicId,
    visitType: 'video',
    start: '2031-03-09T09:00:00-04:00',
    end: '2031-03-09T09:30:00-04:00',
    timeZone: 'America/New_York',
    participants: [
      { participantId: EXAMPLE_IDS.patientId, role: 'patient' },
      { participantId: EXAMPLE_IDS.providerId, role: 'provider' },
    ],
    bookedAt: '2026-03-02T14:12:05Z',
    bookedBy: { kind: 'user', userId: EXAMPLE_IDS.coordinatorId, role: 'coordinator' },
  };
}
