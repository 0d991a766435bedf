import { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'training',
  defaultPort: 3003,
  title: 'Telehealth Coordinator — Training',
  description:
    'Training modules, assignments, completions, certifications and the telehealth credential.',
};
