import { NestExpressApplication } from '@nestjs/platform-express';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { AccessChecks } from './access-checks';
import { SessionStartChecks } from './session-start-checks';
import { ViolationRecorder } from './violation.recorder';

const user = (userId: string, role: string) => ({ kind: 'user', userId, role });

describe('violation detection', () => {
  const ns = new TestNamespace('violations');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let trail: AuditTrailCollections;
  let recorder: ViolationRecorder;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    complianceTestEnv(ns, {
      AUDIT_WORKING_HOURS: '08:00-18:00',
      AUDIT_TIME_ZONE: 'UTC',
      AUDIT_BURST_THRESHOLD: '5',
      AUDIT_BURST_WINDOW_SECONDS: '300',
    });
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    trail = app.get(AuditTrailCollections);
    recorder = app.get(ViolationRecorder);
    producer = ns.kafka().producer();
    await producer.connect();
    coordinator = await bearer('coordinator', randomUUID());
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  /** Publishes, waits until the trail holds every event, and runs the due PHI-read checks. */
  async function happen(events: PlatformEventInput[]): Promise<string[]> {
    const ids = await publish(producer, ns, events);
    await eventually(async () =>
      expect(await trail.entries.countDocuments({ eventId: { $in: ids } })).toBe(ids.length),
    );
    // A sweep already under way when the facts were queued misses them: sweep twice. Burst
    // counting runs just after chaining, so firing assertions below wait with `eventually`.
    for (let i = 0; i < 2; i++) {
      await app.get(AccessChecks).sweep();
      await app.get(SessionStartChecks).sweep();
    }
    return ids;
  }

  const violationsAbout = (filter: Record<string, unknown>) =>
    recorder.alerts.find(filter).toArray();

  /** The PHI-read findings about an actor once the checks settled: sweeps until they match. */
  const readFindingsSettle = (actorId: string, check: (found: unknown[]) => void) =>
    eventually(async () => {
      await app.get(AccessChecks).sweep();
      check(await violationsAbout({ actorId }));
    });

  const phiRead = (
    actorId: string,
    role: string,
    patientId: string,
    at: string,
    purpose = role === 'provider' ? 'treatment' : 'operations',
  ): PlatformEventInput => ({
    type: 'thc.compliance.PhiAccessed.v1',
    data: {
      accessId: randomUUID(),
      actorId,
      role,
      patientId,
      resource: 'Appointment',
      action: 'read',
      purpose,
      service: 'scheduling',
      at,
    },
  });

  const visit = (patientId: string, providerId: string) => {
    const appointmentId = randomUUID();
    const sessionId = randomUUID();
    return {
      sessionId,
      booked: {
        type: 'thc.scheduling.AppointmentBooked.v1',
        data: {
          appointmentId,
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          start: '2026-03-09T09:00:00-04:00',
          end: '2026-03-09T09:30:00-04:00',
          timeZone: 'America/New_York',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          bookedAt: '2026-03-02T14:12:05Z',
          bookedBy: user(randomUUID(), 'coordinator'),
        },
      },
      created: {
        type: 'thc.sessions.SessionCreated.v1',
        data: {
          sessionId,
          appointmentId,
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          scheduledStart: '2026-03-09T09:00:00-04:00',
          scheduledEnd: '2026-03-09T09:30:00-04:00',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          createdAt: '2026-03-02T14:12:06Z',
        },
      },
      started: (at = new Date().toISOString()) => ({
        type: 'thc.sessions.SessionStarted.v1',
        data: {
          sessionId,
          appointmentId,
          consentId: randomUUID(),
          startedAt: at,
          startedBy: user(providerId, 'provider'),
        },
      }),
    };
  };

  const consentFor = async (patientId: string) => {
    const response = await call(
      url,
      'POST',
      `/api/v1/patients/${patientId}/consents`,
      coordinator,
      {
        scope: 'telehealth',
        method: 'electronic-signature',
        formVersion: '2026-01',
      },
    );
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  };

  describe('session started without active consent', () => {
    it('stays quiet when the patient consented', async () => {
      const patientId = randomUUID();
      await consentFor(patientId);
      const v = visit(patientId, randomUUID());
      await happen([v.booked, v.created, v.started()]);
      expect(await violationsAbout({ patientId, rule: 'session-without-consent' })).toEqual([]);
    });

    it('fires when the session starts after the patient revoked, naming the start and the revocation', async () => {
      const patientId = randomUUID();
      const consentId = await consentFor(patientId);
      const revoke = await call(
        url,
        'POST',
        `/api/v1/patients/${patientId}/consents/${consentId}/revoke`,
        coordinator,
      );
      expect(revoke.status).toBe(200);
      const revokedId = (await app.get(MongoEventStore).load(`consent-${patientId}`)).at(-1)?.id;
      const v = visit(patientId, randomUUID());
      const [, , startedId] = await happen([v.booked, v.created, v.started()]);
      const [violation] = await violationsAbout({ patientId, rule: 'session-without-consent' });
      expect(violation).toMatchObject({
        severity: 'critical',
        evidenceEventIds: [startedId, revokedId],
      });
      // The evidence names audit entries, and the violation itself is published and chained.
      expect(
        await trail.entries.countDocuments({ eventId: { $in: violation?.evidenceEventIds } }),
      ).toBe(2);
      await eventually(async () =>
        expect(
          await trail.entries.findOne({
            type: 'thc.compliance.ViolationDetected.v1',
            'data.violationId': violation?._id,
          }),
        ).not.toBeNull(),
      );
    });
  });

  describe('provider holding visits with a lapsed credential', () => {
    it('stays quiet for a credentialed provider', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      await consentFor(patientId);
      const v = visit(patientId, providerId);
      await happen([
        {
          type: 'thc.training.StaffCredentialed.v1',
          data: {
            staffId: providerId,
            role: 'provider',
            credentialedAt: '2026-01-20T10:00:00Z',
            validUntil: '2099-01-01T00:00:00Z',
            certificationIds: [randomUUID()],
          },
        },
        v.booked,
        v.created,
        v.started(),
      ]);
      expect(await violationsAbout({ actorId: providerId })).toEqual([]);
    });

    it('fires when the provider starts a visit after the credential lapsed', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      await consentFor(patientId);
      const v = visit(patientId, providerId);
      const [, lapsedId, , , startedId] = await happen([
        {
          type: 'thc.training.StaffCredentialed.v1',
          data: {
            staffId: providerId,
            role: 'provider',
            credentialedAt: '2026-01-20T10:00:00Z',
            validUntil: '2026-02-01T00:00:00Z',
            certificationIds: [randomUUID()],
          },
        },
        {
          type: 'thc.training.StaffCredentialLapsed.v1',
          data: {
            staffId: providerId,
            role: 'provider',
            lapsedAt: '2026-02-01T00:00:00Z',
            cause: 'certification-expired',
            certificationKind: 'hipaa',
          },
        },
        v.booked,
        v.created,
        v.started(),
      ]);
      expect(await violationsAbout({ actorId: providerId })).toEqual([
        expect.objectContaining({
          rule: 'visit-with-lapsed-credential',
          patientId,
          evidenceEventIds: [startedId, lapsedId],
        }),
      ]);
    });
  });

  describe('PHI read with no care relationship', () => {
    it('stays quiet for the provider of the patient, fires for another patient of nobody', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      const stranger = randomUUID();
      const v = visit(patientId, providerId);
      const [, cleanRead, badRead] = await happen([
        v.booked,
        phiRead(providerId, 'provider', patientId, '2026-03-10T12:00:00Z'),
        phiRead(providerId, 'provider', stranger, '2026-03-10T12:00:00Z'),
      ]);
      const found = await violationsAbout({ actorId: providerId });
      expect(found).toEqual([
        expect.objectContaining({
          rule: 'access-without-care-relationship',
          patientId: stranger,
          evidenceEventIds: [badRead],
        }),
      ]);
      expect(found.flatMap((f) => f.evidenceEventIds)).not.toContain(cleanRead);
    });
  });

  describe('care relationship with an end', () => {
    it('flags the provider who reads the patient months after the last visit, not the day after', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      const v = visit(patientId, providerId);
      // The visit ends 2026-03-09; the care window (CARE_RELATIONSHIP_DAYS) is 90 days by default.
      const [, dayAfter, monthsLater] = await happen([
        v.booked,
        phiRead(providerId, 'provider', patientId, '2026-03-10T12:00:00Z'),
        phiRead(providerId, 'provider', patientId, '2026-06-10T12:00:00Z'),
      ]);
      await readFindingsSettle(providerId, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            rule: 'access-without-care-relationship',
            patientId,
            evidenceEventIds: [monthsLater],
          }),
        ]),
      );
      const found = await violationsAbout({ actorId: providerId });
      expect(found.flatMap((f) => f.evidenceEventIds)).not.toContain(dayAfter);
    });

    it('ends the care of a cancelled visit when it was cancelled: booking and cancelling buys no access', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      const v = visit(patientId, providerId);
      const appointmentId = (v.booked.data as { appointmentId: string }).appointmentId;
      const [, beforeCancel, , afterCancel] = await happen([
        v.booked,
        phiRead(providerId, 'provider', patientId, '2026-03-03T12:00:00Z'),
        {
          type: 'thc.scheduling.AppointmentCancelled.v1',
          data: {
            appointmentId,
            cancelledAt: '2026-03-04T12:00:00Z',
            cancelledBy: user(randomUUID(), 'coordinator'),
            reasonCode: 'patient-request',
            late: false,
          },
        },
        phiRead(providerId, 'provider', patientId, '2026-03-05T12:00:00Z'),
      ]);
      await readFindingsSettle(providerId, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            rule: 'access-without-care-relationship',
            evidenceEventIds: [afterCancel],
          }),
        ]),
      );
      const found = await violationsAbout({ actorId: providerId });
      expect(found.flatMap((f) => f.evidenceEventIds)).not.toContain(beforeCancel);
    });
  });

  describe('PHI read whose purpose does not fit the reader', () => {
    it('flags a coordinator who recorded a legal read, and a provider who called a read outside care an audit', async () => {
      const coordinatorId = randomUUID();
      const providerId = randomUUID();
      const patientId = randomUUID();
      const [legal, audit] = await happen([
        phiRead(coordinatorId, 'coordinator', patientId, '2026-03-10T12:00:00Z', 'legal'),
        phiRead(providerId, 'provider', patientId, '2026-03-10T12:00:00Z', 'audit'),
      ]);
      await readFindingsSettle(coordinatorId, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            rule: 'access-purpose-mismatch',
            severity: 'high',
            patientId,
            evidenceEventIds: [legal],
          }),
        ]),
      );
      // The claimed duty exempts nothing: the missing care relationship is flagged as well.
      await readFindingsSettle(providerId, (found) =>
        expect(
          (found as { rule: string; evidenceEventIds: string[] }[])
            .map((v) => `${v.rule} ${v.evidenceEventIds.join()}`)
            .sort(),
        ).toEqual([
          `access-purpose-mismatch ${audit}`,
          `access-without-care-relationship ${audit}`,
        ]),
      );
    });

    it("flags a read recorded as a patient's, of another patient's records", async () => {
      const someone = randomUUID();
      const patientId = randomUUID();
      const [read] = await happen([
        phiRead(someone, 'patient', patientId, '2026-03-10T12:00:00Z', 'patient-request'),
      ]);
      await readFindingsSettle(someone, (found) =>
        expect(found).toEqual([
          expect.objectContaining({ rule: 'access-purpose-mismatch', evidenceEventIds: [read] }),
        ]),
      );
    });

    it('leaves the auditor reading for audit or legal, and the patient reading their own, alone', async () => {
      const auditorId = randomUUID();
      const patientId = randomUUID();
      await happen([
        phiRead(auditorId, 'auditor', patientId, '2026-03-10T12:00:00Z', 'audit'),
        phiRead(auditorId, 'auditor', patientId, '2026-03-10T12:00:00Z', 'legal'),
        phiRead(patientId, 'patient', patientId, '2026-03-10T12:00:00Z', 'patient-request'),
      ]);
      expect(await violationsAbout({ actorId: auditorId })).toEqual([]);
      expect(await violationsAbout({ actorId: patientId })).toEqual([]);
    });
  });

  describe('PHI read outside working hours', () => {
    it('fires at 23:30 and not at noon', async () => {
      const actorId = randomUUID();
      const patientId = randomUUID();
      const [, late] = await happen([
        phiRead(actorId, 'coordinator', patientId, '2026-03-10T12:00:00Z'),
        phiRead(actorId, 'coordinator', patientId, '2026-03-10T23:30:00Z'),
      ]);
      await eventually(async () =>
        expect(await violationsAbout({ actorId })).toEqual([
          expect.objectContaining({
            rule: 'access-outside-working-hours',
            severity: 'medium',
            evidenceEventIds: [late],
          }),
        ]),
      );
    });
  });

  describe('bursts of PHI reads by one user', () => {
    it('fires at the threshold within one window, naming every read; not below it', async () => {
      const busy = randomUUID();
      const calm = randomUUID();
      const reads = Array.from({ length: 5 }, (_, i) =>
        phiRead(busy, 'coordinator', randomUUID(), `2026-03-10T12:0${i}:00Z`),
      );
      const readIds = await happen([
        ...reads,
        ...Array.from({ length: 4 }, () =>
          phiRead(calm, 'coordinator', randomUUID(), '2026-03-10T12:01:00Z'),
        ),
        // The same count spread over two windows is no burst either.
        phiRead(calm, 'coordinator', randomUUID(), '2026-03-10T12:06:00Z'),
      ]);
      await eventually(async () =>
        expect(await violationsAbout({ actorId: busy })).toEqual([
          expect.objectContaining({ rule: 'bulk-access' }),
        ]),
      );
      // Reads of different patients travel on different partitions: any order, all five named.
      const [burst] = await violationsAbout({ actorId: busy });
      expect([...(burst?.evidenceEventIds ?? [])].sort()).toEqual(readIds.slice(0, 5).sort());
      expect(await violationsAbout({ actorId: calm })).toEqual([]);
      // Redelivering the reads finds nothing new.
      await publish(
        producer,
        ns,
        reads.map((read, i) => ({ ...read, id: readIds[i] as string })),
      );
      await app.get(AccessChecks).sweep();
      expect(await violationsAbout({ actorId: busy })).toHaveLength(1);
    });
  });

  it('auditors list the alerts by rule; other roles may not', async () => {
    const auditor = await bearer('auditor', randomUUID());
    const list = await call(url, 'GET', '/api/v1/audit/violations?rule=bulk-access', auditor);
    expect(list.status).toBe(200);
    // The burst above, and the coordinator of this file, who read (granted) many consents at once.
    const items = (list.body as { items: { rule: string; status: string }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.every((v) => v.rule === 'bulk-access' && v.status === 'open')).toBe(true);
    expect((await call(url, 'GET', '/api/v1/audit/violations', coordinator)).status).toBe(403);
    const injected = await call(url, 'GET', '/api/v1/audit/violations?rule[$ne]=1', auditor);
    expect(injected.status).toBe(400);
  });
});
