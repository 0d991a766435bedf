import type { ContextRegistry } from './event-definition';
import { TOPICS } from './topics';
import { certificationGrantedV1 } from './training/certification-granted.event';
import { certificationRevokedV1 } from './training/certification-revoked.event';
import { credentialExpiryWarningV1 } from './training/credential-expiry-warning.event';
import { assignmentOverdueV1 } from './training/assignment-overdue.event';
import { certificationExpiredV1 } from './training/certification-expired.event';
import { certificationRecordedV1 } from './training/certification-recorded.event';
import { moduleAssignedV1 } from './training/module-assigned.event';
import { moduleCompletedV1 } from './training/module-completed.event';
import { moduleVersionPublishedV1 } from './training/module-version-published.event';
import { staffEnrolledV1 } from './training/staff-enrolled.event';
import { staffCredentialLapsedV1 } from './training/staff-credential-lapsed.event';
import { staffCredentialedV1 } from './training/staff-credentialed.event';

/** What the training service publishes on `thc.training.v1`. */
export const trainingRegistry = {
  context: 'training',
  topic: TOPICS.training,
  producer: { service: 'training', source: '/thc/training' },
  description:
    'Training catalog, assignments by role, completions, certifications with expiry, and the telehealth credential.',
  streams: {
    staff: {
      prefix: 'staff',
      idField: 'staffId',
      description: "One staff member's training record, certifications and credential.",
    },
    module: {
      prefix: 'module',
      idField: 'moduleId',
      description: 'One training module of the catalog and its versions.',
    },
  },
  events: [
    moduleVersionPublishedV1,
    staffEnrolledV1,
    moduleAssignedV1,
    moduleCompletedV1,
    assignmentOverdueV1,
    certificationGrantedV1,
    certificationRecordedV1,
    certificationRevokedV1,
    certificationExpiredV1,
    staffCredentialedV1,
    staffCredentialLapsedV1,
    credentialExpiryWarningV1,
  ],
  upcasters: [],
} as const satisfies ContextRegistry<'training'>;

export * from './training/assignment-overdue.event';
export * from './training/certification-expired.event';
export * from './training/certification-recorded.event';
export * from './training/module-assigned.event';
export * from './training/module-version-published.event';
export * from './training/staff-enrolled.event';
