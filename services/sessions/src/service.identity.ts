import { ServiceIdentity } from '@thc/service-runtime';

export const serviceIdentity: ServiceIdentity = {
  name: 'sessions',
  defaultPort: 3002,
  title: 'Telehealth Coordinator — Sessions',
  description:
    'Virtual visits: join links, waiting room, participants, connection quality, technical issues and surveys.',
};
