import type { EventDataOf } from '@thc/contracts';

/** The staff stream's events, exactly as the contracts registry declares them. */
export const STAFF_EVENT = {
  enrolled: 'thc.training.StaffEnrolled.v1',
  assigned: 'thc.training.ModuleAssigned.v1',
  completed: 'thc.training.ModuleCompleted.v1',
  overdue: 'thc.training.AssignmentOverdue.v1',
  granted: 'thc.training.CertificationGranted.v1',
  recorded: 'thc.training.CertificationRecorded.v1',
  revoked: 'thc.training.CertificationRevoked.v1',
  expired: 'thc.training.CertificationExpired.v1',
  warning: 'thc.training.CredentialExpiryWarning.v1',
  credentialed: 'thc.training.StaffCredentialed.v1',
  lapsed: 'thc.training.StaffCredentialLapsed.v1',
} as const;

type StaffEventType = (typeof STAFF_EVENT)[keyof typeof STAFF_EVENT];
type EventOf<T extends StaffEventType> = { readonly type: T; readonly data: EventDataOf<T> };

export type StaffEnrolled = EventOf<typeof STAFF_EVENT.enrolled>;
export type ModuleAssigned = EventOf<typeof STAFF_EVENT.assigned>;
export type ModuleCompleted = EventOf<typeof STAFF_EVENT.completed>;
export type AssignmentOverdue = EventOf<typeof STAFF_EVENT.overdue>;
export type CertificationGranted = EventOf<typeof STAFF_EVENT.granted>;
export type CertificationRecorded = EventOf<typeof STAFF_EVENT.recorded>;
export type CertificationRevoked = EventOf<typeof STAFF_EVENT.revoked>;
export type CertificationExpired = EventOf<typeof STAFF_EVENT.expired>;
export type CredentialExpiryWarning = EventOf<typeof STAFF_EVENT.warning>;
export type StaffCredentialed = EventOf<typeof STAFF_EVENT.credentialed>;
export type StaffCredentialLapsed = EventOf<typeof STAFF_EVENT.lapsed>;

export type StaffTrainingEvent =
  | StaffEnrolled
  | ModuleAssigned
  | ModuleCompleted
  | AssignmentOverdue
  | CertificationGranted
  | CertificationRecorded
  | CertificationRevoked
  | CertificationExpired
  | CredentialExpiryWarning
  | StaffCredentialed
  | StaffCredentialLapsed;

export type Actor = StaffEnrolled['data']['enrolledBy'];
export type RevocationReason = CertificationRevoked['data']['reason'];

export const staffStreamId = (staffId: string): string => `staff-${staffId}`;
