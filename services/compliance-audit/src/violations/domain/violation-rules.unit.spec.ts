import { AccessPolicy, burstWindow, judgeAccess, judgeBurst, PhiRead } from './access.rules';
import { judgeSessionStart, SessionStart } from './session.rules';
import { violationId } from './violation';

const ids = {
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  read: '1c3e5a7d-8b2f-4f4a-9a7c-2e4a6c8e1a18',
  start: '2b4d6f8a-1c3e-4a5c-8e7a-9c1e3a5c7e01',
  lapsed: '3c5e7a9b-2d4f-4b6d-9f8b-1d3f5b7d9f02',
  revoked: '4d6f8b1c-3e5a-4c7e-8a9c-2e4a6c8e1a03',
};

const policy: AccessPolicy = {
  careRoles: ['provider'],
  careDaysAfterVisit: 30,
  workingHours: { start: '07:00', end: '19:00' },
  workingDays: [1, 2, 3, 4, 5],
  timeZone: 'America/New_York',
};

// Tuesday 10:00 in New York.
const read: PhiRead = {
  eventId: ids.read,
  actorId: ids.provider,
  role: 'provider',
  patientId: ids.patient,
  purpose: 'treatment',
  at: '2026-03-10T14:00:00Z',
};
const care = [{ since: '2026-03-01T00:00:00Z', end: '2026-03-09T13:30:00Z' }];

describe('PHI read rules', () => {
  it('a provider reading a patient they care for, in working hours, breaks nothing', () => {
    expect(judgeAccess(read, care, policy)).toEqual([]);
  });

  it('flags a provider reading a patient with no care relationship, naming the read', () => {
    expect(judgeAccess(read, null, policy)).toEqual([
      expect.objectContaining({
        rule: 'access-without-care-relationship',
        actorId: ids.provider,
        patientId: ids.patient,
        evidenceEventIds: [ids.read],
      }),
    ]);
  });

  it('flags a read long after the last visit, but not one within the configured days', () => {
    expect(judgeAccess({ ...read, at: '2026-04-07T14:00:00Z' }, care, policy)).toEqual([]);
    expect(
      judgeAccess({ ...read, at: '2026-04-09T14:00:00Z' }, care, policy).map((f) => f.rule),
    ).toEqual(['access-without-care-relationship']);
  });

  it('counts a cancelled visit only until it was cancelled, and any other visit beside it', () => {
    const cancelled = [{ ...care[0]!, cancelledAt: '2026-03-05T10:00:00Z' }];
    expect(judgeAccess({ ...read, at: '2026-03-04T14:00:00Z' }, cancelled, policy)).toEqual([]);
    expect(
      judgeAccess({ ...read, at: '2026-03-10T14:00:00Z' }, cancelled, policy).map((f) => f.rule),
    ).toEqual(['access-without-care-relationship']);
    const another = { since: '2026-03-06T00:00:00Z', end: '2026-03-20T13:30:00Z' };
    expect(
      judgeAccess({ ...read, at: '2026-03-10T14:00:00Z' }, [...cancelled, another], policy),
    ).toEqual([]);
  });

  it('does not ask coordinators or auditors for a care relationship', () => {
    expect(
      judgeAccess({ ...read, role: 'coordinator', purpose: 'operations' }, null, policy),
    ).toEqual([]);
    expect(judgeAccess({ ...read, role: 'auditor', purpose: 'audit' }, null, policy)).toEqual([]);
    expect(judgeAccess({ ...read, role: 'auditor', purpose: 'legal' }, null, policy)).toEqual([]);
  });

  it('flags a coordinator who recorded a legal or audit purpose: the role may not read for it', () => {
    for (const purpose of ['legal', 'audit'])
      expect(
        judgeAccess({ ...read, role: 'coordinator', purpose }, null, policy).map((f) => f.rule),
      ).toEqual(['access-purpose-mismatch']);
  });

  it('does not let a provider exempt a read from the care rules by calling it legal', () => {
    expect(judgeAccess({ ...read, purpose: 'legal' }, null, policy)).toEqual([
      expect.objectContaining({ rule: 'access-purpose-mismatch', severity: 'high' }),
      expect.objectContaining({ rule: 'access-without-care-relationship' }),
    ]);
  });

  test.each<[string, Partial<PhiRead>]>([
    ["a provider reading for the patient's own request", { purpose: 'patient-request' }],
    [
      'a record that says patient, for another patient',
      { role: 'patient', purpose: 'patient-request' },
    ],
    ['a role no token carries', { role: 'superuser', purpose: 'operations' }],
    ['an analyst reading for payment', { role: 'analyst', purpose: 'payment' }],
  ])('flags the purpose of %s as not fitting', (_, change) => {
    expect(judgeAccess({ ...read, ...change }, care, policy).map((f) => f.rule)).toEqual([
      'access-purpose-mismatch',
    ]);
  });

  it('exempts no one by the role the record names: a "patient" reading another patient at night is flagged', () => {
    const night = {
      ...read,
      role: 'patient',
      purpose: 'patient-request',
      at: '2026-03-11T03:30:00Z',
    };
    expect(judgeAccess(night, null, policy).map((f) => f.rule)).toEqual([
      'access-purpose-mismatch',
      'access-outside-working-hours',
    ]);
  });

  it('flags a read at 23:30 local time and on a Sunday, not at 18:59', () => {
    expect(
      judgeAccess({ ...read, at: '2026-03-11T03:30:00Z' }, care, policy).map((f) => f.rule),
    ).toEqual(['access-outside-working-hours']);
    expect(
      judgeAccess({ ...read, at: '2026-03-08T15:00:00Z' }, care, policy).map((f) => f.rule),
    ).toEqual(['access-outside-working-hours']);
    expect(judgeAccess({ ...read, at: '2026-03-10T22:59:00Z' }, care, policy)).toEqual([]);
  });

  it('never flags patients reading their own records', () => {
    expect(
      judgeAccess(
        { ...read, role: 'patient', actorId: ids.patient, at: '2026-03-08T03:00:00Z' },
        null,
        policy,
      ),
    ).toEqual([]);
  });
});

describe('burst rule', () => {
  const reads = Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);

  it('fires when the reads in one window reach the threshold, naming them', () => {
    const finding = judgeBurst(ids.provider, '2026-03-10T14:00:00.000Z', reads, 5);
    expect(finding).toMatchObject({
      rule: 'bulk-access',
      actorId: ids.provider,
      evidenceEventIds: reads,
    });
  });

  it('stays quiet below the threshold', () => {
    expect(
      judgeBurst(ids.provider, '2026-03-10T14:00:00.000Z', reads.slice(0, 4), 5),
    ).toBeUndefined();
  });

  it('counts in tumbling windows', () => {
    expect(burstWindow('2026-03-10T14:04:59Z', 300)).toBe('2026-03-10T14:00:00.000Z');
    expect(burstWindow('2026-03-10T14:05:00Z', 300)).toBe('2026-03-10T14:05:00.000Z');
  });
});

describe('session start rules', () => {
  const start: SessionStart = {
    eventId: ids.start,
    sessionId: '5e7a9c1d-4f6b-4d8f-9b1d-3f5b7d9f1b04',
    startedAt: '2026-03-09T13:01:10Z',
    patientId: ids.patient,
    providerId: ids.provider,
  };

  it('a start with consent in force by a credentialed provider breaks nothing', () => {
    expect(judgeSessionStart(start, { inForce: true }, { status: 'current' })).toEqual([]);
  });

  it('flags a start without consent, naming the start and the revocation', () => {
    expect(
      judgeSessionStart(
        start,
        { inForce: false, endedByEventId: ids.revoked },
        { status: 'current' },
      ),
    ).toEqual([
      expect.objectContaining({
        rule: 'session-without-consent',
        severity: 'critical',
        evidenceEventIds: [ids.start, ids.revoked],
      }),
    ]);
  });

  it('flags a start by a provider whose credential lapsed, naming the lapse', () => {
    expect(
      judgeSessionStart(start, { inForce: true }, { status: 'lapsed', lapsedEventId: ids.lapsed }),
    ).toEqual([
      expect.objectContaining({
        rule: 'visit-with-lapsed-credential',
        actorId: ids.provider,
        evidenceEventIds: [ids.start, ids.lapsed],
      }),
    ]);
  });
});

describe('violation ids', () => {
  it('are the same for the same finding and differ across rules', () => {
    const finding = {
      rule: 'bulk-access',
      severity: 'high',
      evidenceEventIds: [ids.read],
    } as const;
    expect(violationId(finding)).toBe(violationId({ ...finding }));
    expect(violationId(finding)).not.toBe(
      violationId({ ...finding, rule: 'access-outside-working-hours' }),
    );
    expect(violationId(finding)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
