import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  consentsOf,
  revocationOf,
  TELEHEALTH_CONSENT,
} from '../consent/testing/telehealth-consent';
import {
  PlatformEventInput,
  publish,
  publishIntoTrail,
  useComplianceApp,
} from '../testing/compliance-test-app';
import { user, videoVisit } from '../testing/video-visit';
import { AccessChecks } from './access-checks';
import { SessionStartChecks } from './session-start-checks';
import { ViolationRecorder } from './violation.recorder';

describe('violation detection', () => {
  const ns = new TestNamespace('violations');
  const under = useComplianceApp(ns, {
    AUDIT_WORKING_HOURS: '08:00-18:00',
    AUDIT_TIME_ZONE: 'UTC',
    AUDIT_BURST_THRESHOLD: '5',
    AUDIT_BURST_WINDOW_SECONDS: '300',
  });
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    coordinator = await bearer('coordinator', randomUUID());
  });

  /**
   * Publishes, waits until the trail holds every event, and runs the due checks. Facts one check
   * joins from another topic (the booking behind a read, the lapse before a start) are made to
   * `happen` first: in production the checks wait `accessCheckDelayMs` for them, here not at all.
   */
  async function happen(events: PlatformEventInput[]): Promise<string[]> {
    const ids = await publishIntoTrail(under, ns, events, eventually);
    // A sweep already under way when the facts were queued misses them: sweep twice. Burst
    // counting runs just after chaining, so firing assertions below wait with `eventually`.
    for (let i = 0; i < 2; i++) await sweep();
    return ids;
  }

  const sweep = async () => {
    await under.app.get(AccessChecks).sweep();
    await under.app.get(SessionStartChecks).sweep();
  };

  const violationsAbout = (filter: Record<string, unknown>) =>
    under.app.get(ViolationRecorder).alerts.find(filter).toArray();

  /**
   * The findings about an actor once the checks settled: sweeps until they match. Intake queues
   * an event's checks just after chaining it, so the trail may hold an event not queued yet.
   */
  const findingsSettle = (
    filter: Record<string, unknown>,
    check: (found: Awaited<ReturnType<typeof violationsAbout>>) => void,
  ) =>
    eventually(async () => {
      await sweep();
      check(await violationsAbout(filter));
    });
  const readFindingsSettle = (actorId: string, check: (found: unknown[]) => void) =>
    findingsSettle({ actorId }, check);

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

  const visit = (patientId: string, providerId: string) => videoVisit(patientId, providerId);

  const consentFor = async (patientId: string) => {
    const response = await call(
      under.url,
      'POST',
      consentsOf(patientId),
      coordinator,
      TELEHEALTH_CONSENT,
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
      const revoke = await call(under.url, 'POST', revocationOf(patientId, consentId), coordinator);
      expect(revoke.status).toBe(200);
      const revokedId = (await under.store.load(`consent-${patientId}`)).at(-1)?.id;
      // The outbox relay publishes the revocation and intake chains it a little later: the
      // evidence below names audit entries, so wait for it in the trail as an auditor would.
      await eventually(async () =>
        expect(await under.trail.entries.findOne({ eventId: revokedId })).not.toBeNull(),
      );
      const v = visit(patientId, randomUUID());
      const [, , startedId] = await happen([v.booked, v.created, v.started()]);
      // The start is judged once intake has queued it: wait for the finding as an auditor would.
      const rule = { patientId, rule: 'session-without-consent' };
      await findingsSettle(rule, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            severity: 'critical',
            evidenceEventIds: [startedId, revokedId],
          }),
        ]),
      );
      const [violation] = await violationsAbout(rule);
      // The evidence names audit entries, and the violation itself is published and chained.
      expect(
        await under.trail.entries.countDocuments({ eventId: { $in: violation?.evidenceEventIds } }),
      ).toBe(2);
      await eventually(async () =>
        expect(
          await under.trail.entries.findOne({
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
      ]);
      await happen([v.booked, v.created, v.started()]);
      expect(await violationsAbout({ actorId: providerId })).toEqual([]);
    });

    it('fires when the provider starts a visit after the credential lapsed', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      await consentFor(patientId);
      const v = visit(patientId, providerId);
      const [, lapsedId] = await happen([
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
      ]);
      const [, , startedId] = await happen([v.booked, v.created, v.started()]);
      await findingsSettle({ actorId: providerId }, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            rule: 'visit-with-lapsed-credential',
            patientId,
            evidenceEventIds: [startedId, lapsedId],
          }),
        ]),
      );
    });
  });

  describe('PHI read with no care relationship', () => {
    it('stays quiet for the provider of the patient, fires for another patient of nobody', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      const stranger = randomUUID();
      const v = visit(patientId, providerId);
      // The booking is known before the reads are judged, as the check's delay makes sure of.
      await happen([v.booked]);
      const [cleanRead, badRead] = await happen([
        phiRead(providerId, 'provider', patientId, '2026-03-10T12:00:00Z'),
        phiRead(providerId, 'provider', stranger, '2026-03-10T12:00:00Z'),
      ]);
      await readFindingsSettle(providerId, (found) =>
        expect(found).toEqual([
          expect.objectContaining({
            rule: 'access-without-care-relationship',
            patientId: stranger,
            evidenceEventIds: [badRead],
          }),
        ]),
      );
      const found = await violationsAbout({ actorId: providerId });
      expect(found.flatMap((f) => f.evidenceEventIds)).not.toContain(cleanRead);
    });
  });

  describe('care relationship with an end', () => {
    it('flags the provider who reads the patient months after the last visit, not the day after', async () => {
      const providerId = randomUUID();
      const patientId = randomUUID();
      const v = visit(patientId, providerId);
      // The visit ends 2026-03-09; the care window (CARE_RELATIONSHIP_DAYS) is 90 days by default.
      await happen([v.booked]);
      const [dayAfter, monthsLater] = await happen([
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
      // The booking and its cancellation are known before the reads are judged.
      await happen([
        v.booked,
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
      ]);
      const [beforeCancel, afterCancel] = await happen([
        phiRead(providerId, 'provider', patientId, '2026-03-03T12:00:00Z'),
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
        under.producer,
        ns,
        reads.map((read, i) => ({ ...read, id: readIds[i] as string })),
      );
      await under.app.get(AccessChecks).sweep();
      expect(await violationsAbout({ actorId: busy })).toHaveLength(1);
    });
  });
});
