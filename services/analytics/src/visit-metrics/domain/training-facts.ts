import type { EventFact, FactsOfEvents, StaffFact } from './event-facts';

const staff = (staffId: string, fact: StaffFact): readonly EventFact[] => [
  { target: 'staff', staffId, fact },
];

/** What the training topic tells the visit metrics: who is known, and credentialed until when. */
export const TRAINING_FACTS = {
  'thc.training.StaffCredentialed.v1': (data) =>
    staff(data.staffId, {
      kind: 'credentialed',
      role: data.role,
      credentialedAt: new Date(data.credentialedAt),
      validUntil: new Date(data.validUntil),
    }),
  'thc.training.StaffCredentialLapsed.v1': (data) =>
    staff(data.staffId, { kind: 'lapsed', role: data.role, lapsedAt: new Date(data.lapsedAt) }),
  'thc.training.StaffEnrolled.v1': (data) =>
    staff(data.staffId, {
      kind: 'enrolled',
      role: data.role,
      enrolledAt: new Date(data.enrolledAt),
    }),
  'thc.training.ModuleCompleted.v1': (data) =>
    staff(data.staffId, { kind: 'module-completed', completedAt: new Date(data.completedAt) }),
} as const satisfies FactsOfEvents;
