import type { ModuleVersion } from '../../catalog/domain/module.state';
import type { ModuleTopic } from '../../requirements/role-requirements';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../domain/staff-training.events';

/** Ids and modules the decider specs share; documentation and tests only. */
export const ids = {
  staff: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  team: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  trainer: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  cert: 'd5f7b9c2-4e6a-4b8d-9c3e-7a9c2e4f6d16',
  cert2: 'e6a8c1d3-5f7b-4c9e-8d4f-8b1d3f5a7e17',
  ctc: 'f7b9d2e4-6a8c-4d1f-8e5a-9c2e4a6b8f18',
};

export const trainer = { kind: 'user', userId: ids.trainer, role: 'trainer' } as const;

const TOPICS: readonly ModuleTopic[] = [
  'hipaa',
  'platform-use',
  'telehealth-etiquette',
  'troubleshooting',
  'emergency-protocol',
];

/** One module per topic; ids end in the topic's index so they read apart in failures. */
export const modules = Object.fromEntries(
  TOPICS.map((topic, i) => [
    topic,
    {
      moduleId: `0000000${i}-0000-4000-8000-00000000000${i}`,
      moduleCode: topic.toUpperCase(),
      topic,
      version: 1,
      title: `Module on ${topic}`,
      passMarkPercent: 80,
      maxAttempts: 3,
    } satisfies ModuleVersion,
  ]),
) as Record<ModuleTopic, ModuleVersion>;

export const assignmentIdOf = (topic: ModuleTopic): string =>
  `a000000${TOPICS.indexOf(topic)}-0000-4000-8000-000000000000`;

export const enrolled = (at = '2026-01-05T09:00:00.000Z'): StaffTrainingEvent => ({
  type: E.enrolled,
  data: {
    staffId: ids.staff,
    role: 'provider',
    teamId: ids.team,
    enrolledAt: at,
    enrolledBy: trainer,
  },
});

export const passed = (
  topic: ModuleTopic,
  completedAt: string,
  attempt = 1,
): StaffTrainingEvent => ({
  type: E.completed,
  data: {
    staffId: ids.staff,
    moduleId: modules[topic].moduleId,
    moduleCode: modules[topic].moduleCode,
    attempt,
    scorePercent: 90,
    passed: true,
    completedAt,
    moduleTopic: topic,
    moduleVersion: 1,
    passMarkPercent: 80,
    maxAttempts: 3,
  },
});

export const granted = (
  kind: 'hipaa' | 'platform-use',
  certificationId: string,
  grantedAt: string,
  expiresAt: string,
  basedOn: readonly ModuleTopic[],
): StaffTrainingEvent => ({
  type: E.granted,
  data: {
    staffId: ids.staff,
    certificationId,
    kind,
    grantedAt,
    expiresAt,
    basedOnModuleIds: basedOn.map((t) => modules[t].moduleId),
  },
});

export const credentialed = (
  at: string,
  validUntil: string,
  certificationIds: readonly string[],
): StaffTrainingEvent => ({
  type: E.credentialed,
  data: { staffId: ids.staff, role: 'provider', credentialedAt: at, validUntil, certificationIds },
});

/** A provider holding both certifications: hipaa until 2027-01-10, platform-use until 2028-01-10. */
export const credentialedProvider: readonly StaffTrainingEvent[] = [
  enrolled(),
  granted('hipaa', ids.cert, '2026-01-10T00:00:00.000Z', '2027-01-10T00:00:00.000Z', ['hipaa']),
  granted('platform-use', ids.cert2, '2026-01-10T00:00:00.000Z', '2028-01-10T00:00:00.000Z', [
    'platform-use',
  ]),
  credentialed('2026-01-10T00:00:00.000Z', '2027-01-10T00:00:00.000Z', [ids.cert, ids.cert2]),
];

/** The hipaa certification's expiry warning for the `leadDays` lead time; it ends on 2027-01-10. */
export const warned = (
  leadDays: number,
  warnedAt = '2026-12-11T00:00:00.000Z',
  daysRemaining = leadDays,
): StaffTrainingEvent => ({
  type: E.warning,
  data: {
    staffId: ids.staff,
    certificationId: ids.cert,
    kind: 'hipaa',
    expiresAt: '2027-01-10T00:00:00.000Z',
    daysRemaining,
    warnedAt,
    leadDays,
  },
});
