import type { EventDataOf } from '@thc/contracts';

export type StaffRole = EventDataOf<'thc.training.StaffEnrolled.v1'>['role'];
export type CertificationKind = EventDataOf<'thc.training.CertificationGranted.v1'>['kind'];
export type ModuleTopic = EventDataOf<'thc.training.ModuleVersionPublished.v1'>['topic'];

export const STAFF_ROLES = [
  'provider',
  'coordinator',
  'support-specialist',
  'interpreter',
] as const satisfies readonly StaffRole[];

/**
 * How each certification is earned: by passing every module of these topics, or only from
 * outside (`external`: recorded with its issuer, e.g. Certified Telehealth Coordinator).
 */
export const CERTIFICATION_SOURCES = {
  hipaa: { topics: ['hipaa'] },
  'platform-use': {
    topics: ['platform-use', 'telehealth-etiquette', 'troubleshooting', 'emergency-protocol'],
  },
  ctc: { topics: [] },
} as const satisfies Record<CertificationKind, { readonly topics: readonly ModuleTopic[] }>;

export interface CertificationRequirement {
  readonly kind: CertificationKind;
  /** A certification earned from modules is valid this long after its oldest completion. */
  readonly renewalDays: number;
}

/**
 * What each role needs for a current telehealth credential. Every requirement is a
 * certification; module-based ones imply the modules of their topics (assigned on enrolment).
 */
export const ROLE_REQUIREMENTS = {
  provider: [
    { kind: 'hipaa', renewalDays: 365 },
    { kind: 'platform-use', renewalDays: 730 },
  ],
  coordinator: [
    { kind: 'hipaa', renewalDays: 365 },
    { kind: 'platform-use', renewalDays: 365 },
    { kind: 'ctc', renewalDays: 730 },
  ],
  'support-specialist': [
    { kind: 'hipaa', renewalDays: 365 },
    { kind: 'platform-use', renewalDays: 365 },
  ],
  interpreter: [
    { kind: 'hipaa', renewalDays: 365 },
    { kind: 'platform-use', renewalDays: 730 },
  ],
} as const satisfies Record<StaffRole, readonly CertificationRequirement[]>;

/** Validity of a module-based certification a role does not require (earned anyway). */
export const DEFAULT_RENEWAL_DAYS = 365;

export function requiredKinds(role: StaffRole): readonly CertificationKind[] {
  return ROLE_REQUIREMENTS[role].map((r) => r.kind);
}

export function renewalDaysFor(role: StaffRole, kind: CertificationKind): number {
  const requirements: readonly CertificationRequirement[] = ROLE_REQUIREMENTS[role];
  return requirements.find((r) => r.kind === kind)?.renewalDays ?? DEFAULT_RENEWAL_DAYS;
}

/** The module topics a role must pass: the sources of its module-based certifications. */
export function requiredTopics(role: StaffRole): readonly ModuleTopic[] {
  return [...new Set(requiredKinds(role).flatMap((kind) => CERTIFICATION_SOURCES[kind].topics))];
}

/** The certifications that passing a module of this topic may complete. */
export function kindsEarnedBy(topic: ModuleTopic): readonly CertificationKind[] {
  return (Object.keys(CERTIFICATION_SOURCES) as CertificationKind[]).filter((kind) =>
    (CERTIFICATION_SOURCES[kind].topics as readonly ModuleTopic[]).includes(topic),
  );
}
