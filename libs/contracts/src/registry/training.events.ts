import type { ContextRegistry } from './event-definition';
import { TOPICS } from './topics';
import { certificationGrantedV1 } from './training/certification-granted.event';
import { certificationRevokedV1 } from './training/certification-revoked.event';
import { credentialExpiryWarningV1 } from './training/credential-expiry-warning.event';
import { moduleCompletedV1 } from './training/module-completed.event';
import { staffCredentialLapsedV1 } from './training/staff-credential-lapsed.event';
import { staffCredentialedV1 } from './training/staff-credentialed.event';

/** What the training service publishes on `thc.training.v1`. */
export const trainingRegistry = {
  context: 'training',
  topic: TOPICS.training,
  producer: { service: 'training', source: '/thc/training' },
  description: 'Module completions, certifications with expiry, and the telehealth credential.',
  streams: {
    staff: {
      prefix: 'staff',
      idField: 'staffId',
      description: "One staff member's training record, certifications and credential.",
    },
  },
  events: [
    moduleCompletedV1,
    certificationGrantedV1,
    certificationRevokedV1,
    staffCredentialedV1,
    staffCredentialLapsedV1,
    credentialExpiryWarningV1,
  ],
  upcasters: [],
} as const satisfies ContextRegistry<'training'>;
