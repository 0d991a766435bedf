import { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'notifications',
  defaultPort: 3006,
  title: 'Telehealth Coordinator — Notifications',
  description:
    'Reaching people: contact points and preferences, and reminders, confirmations, join links, offers and survey invitations delivered by e-mail and SMS.',
};
