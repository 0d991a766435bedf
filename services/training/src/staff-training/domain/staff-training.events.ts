import type { StreamEvents } from '@thc/contracts';

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

type Events = StreamEvents<typeof STAFF_EVENT>;

export type StaffEnrolled = Events['enrolled'];
export type ModuleAssigned = Events['assigned'];
export type ModuleCompleted = Events['completed'];
export type AssignmentOverdue = Events['overdue'];
export type CertificationGranted = Events['granted'];
export type CertificationRecorded = Events['recorded'];
export type CertificationRevoked = Events['revoked'];
export type CertificationExpired = Events['expired'];
export type CredentialExpiryWarning = Events['warning'];
export type StaffCredentialed = Events['credentialed'];
export type StaffCredentialLapsed = Events['lapsed'];

export type StaffTrainingEvent = Events[keyof Events];

export type Actor = StaffEnrolled['data']['enrolledBy'];
export type RevocationReason = CertificationRevoked['data']['reason'];

export const staffStreamId = (staffId: string): string => `staff-${staffId}`;
