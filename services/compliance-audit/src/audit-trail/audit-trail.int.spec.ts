import { eventually, TestNamespace, walkRoutes } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AuditIntake } from '../intake/audit-intake';
import { publish, startComplianceApp, useComplianceApp } from '../testing/compliance-test-app';
import { auditorView } from './testing/auditor-view';
import { bookedExample, bookingFor } from './testing/booking-event';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('the hash-chained audit trail', () => {
  const ns = new TestNamespace('audit-trail');
  const under = useComplianceApp(ns);
  const { verify, count } = auditorView(under);

  it('every route declares who may call it', () => {
    expect(
      walkRoutes(under.app)
        .filter((route) => !route.policy)
        .map((route) => route.route),
    ).toEqual([]);
  });

  it('records events from every topic, including an unknown future type, and a redelivery adds nothing', async () => {
    const patientId = randomUUID();
    const before = await count();
    const [bookingId] = await publish(under.producer, ns, [bookingFor(patientId, TRACEPARENT)]);
    const unknown = {
      type: 'thc.training.QuizRetaken.v2',
      data: {
        quizId: randomUUID(),
        retakenBy: { kind: 'user', userId: randomUUID(), role: 'trainer' },
      },
    };
    const [unknownId] = await publish(under.producer, ns, [unknown]);
    await eventually(async () => expect(await count()).toBe(before + 2));
    // The producer's relay publishes the same event again (at-least-once delivery).
    await publish(under.producer, ns, [
      { ...bookingFor(patientId, TRACEPARENT), id: bookingId as string },
      { ...unknown, id: unknownId as string },
    ]);
    const marker = randomUUID();
    await publish(under.producer, ns, [bookingFor(marker, TRACEPARENT)]);
    await eventually(async () =>
      expect(await under.trail.entries.countDocuments({ patientId: marker })).toBe(1),
    );
    expect(await count()).toBe(before + 3);
    expect(await under.trail.entries.findOne({ eventId: bookingId })).toMatchObject({
      action: 'C',
      patientId,
      resource: { type: 'Appointment' },
      actor: { kind: 'user', role: 'coordinator' },
      service: 'scheduling',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    // A type this service does not know is chained by id, type and source, its data not stored.
    expect(await under.trail.entries.findOne({ eventId: unknownId })).toMatchObject({
      type: 'thc.training.QuizRetaken.v2',
      service: 'training',
      data: null,
    });
    expect(await verify()).toMatchObject({ intact: true, lastSeq: before + 3 });
  });

  it('two writers appending at once share one gap-free chain and never record an event twice', async () => {
    const intake = under.app.get(AuditIntake);
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
});
