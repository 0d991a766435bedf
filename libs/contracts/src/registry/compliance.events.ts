import { auditEntriesPurgedV1 } from './compliance/audit-entries-purged.event';
import { consentGrantedV1 } from './compliance/consent-granted.event';
import { consentRevokedV1 } from './compliance/consent-revoked.event';
import { disclosureRecordedV1 } from './compliance/disclosure-recorded.event';
import { patientErasedV1 } from './compliance/patient-erased.event';
import { phiAccessedV1 } from './compliance/phi-accessed.event';
import { violationAcknowledgedV1 } from './compliance/violation-acknowledged.event';
import { violationDetectedV1 } from './compliance/violation-detected.event';
import { violationResolvedV1 } from './compliance/violation-resolved.event';
import type { ContextRegistry } from './event-definition';
import { TOPICS } from './topics';

/**
 * What the compliance-audit service publishes on `thc.compliance.v1`, and PhiAccessed, which
 * every service that serves PHI publishes on `thc.compliance.phi-access.v1`.
 */
export const complianceRegistry = {
  context: 'compliance',
  topic: TOPICS.compliance,
  producer: { service: 'compliance-audit', source: '/thc/compliance-audit' },
  description:
    'Patient consent, detected compliance violations, disclosures, erasure and audit retention.',
  streams: {
    consent: {
      prefix: 'consent',
      idField: 'patientId',
      description: "One patient's consents, so the current state is one stream read.",
    },
    phiAccess: {
      prefix: 'phi-access',
      idField: 'patientId',
      description: "Every access to one patient's data: the accounting-of-disclosures source.",
    },
    auditRetention: {
      prefix: 'audit-purge',
      idField: 'purgeId',
      description: 'One retention purge of the audit trail.',
    },
    erasure: {
      prefix: 'erasure',
      idField: 'patientId',
      description: "A patient's erasure (crypto-shredding); at most one per patient.",
    },
    violation: {
      prefix: 'violation',
      idField: 'violationId',
      description: 'One detected violation and its follow-up.',
    },
  },
  events: [
    consentGrantedV1,
    consentRevokedV1,
    phiAccessedV1,
    violationDetectedV1,
    violationAcknowledgedV1,
    violationResolvedV1,
    auditEntriesPurgedV1,
    patientErasedV1,
    disclosureRecordedV1,
  ],
  upcasters: [],
} as const satisfies ContextRegistry<'compliance'>;
