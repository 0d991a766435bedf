import { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'compliance-audit',
  defaultPort: 3004,
  title: 'Telehealth Coordinator — Compliance audit',
  description: 'Consent, PHI-access accounting and the tamper-evident audit trail.',
};
