import { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'scheduling',
  defaultPort: 3001,
  title: 'Telehealth Coordinator — Scheduling',
  description: 'Provider telehealth availability, slots, appointments and reminders.',
};
