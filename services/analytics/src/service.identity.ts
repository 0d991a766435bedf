import type { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'analytics',
  defaultPort: 3005,
  title: 'Telehealth Coordinator — Analytics',
  description: 'Evaluation and reporting projections, analyst query API and dashboard.',
};
