import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '../../service.identity';
import { DirectoryModule } from '../directory.module';

const base = [
  PlatformModule.forService(serviceIdentity),
  KafkaModule,
  EventStoreModule,
  ClockModule.use(),
  IdsModule.use(),
  DirectoryModule,
];

/** The scheduling service with its directory alone, relaying its events to Kafka. */
@Module({
  imports: [
    ...base,
    OutboxRelayModule.forService({ source: '/thc/scheduling', topic: TOPICS.scheduling }),
  ],
})
class DirectoryTestModule {}

/** The same without the relay: nothing polls the database while commands are counted. */
@Module({ imports: base })
class QuietDirectoryTestModule {}

export async function startDirectoryApp(
  options: { relay?: boolean } = {},
): Promise<{ app: NestExpressApplication; url: string }> {
  const module = options.relay === false ? QuietDirectoryTestModule : DirectoryTestModule;
  const app = await createServiceApp(module, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** A small health system: one organization, clinics in New York and New Jersey, three staff. */
export function healthSystem() {
  const organizationId = randomUUID();
  const clinicNy = randomUUID();
  const clinicNj = randomUUID();
  const providerId = randomUUID();
  const interpreterId = randomUUID();
  const coordinatorId = randomUUID();
  return {
    organizationId,
    clinicNy,
    clinicNj,
    providerId,
    interpreterId,
    coordinatorId,
    organization: { name: 'Hudson Valley Health', active: true },
    clinics: {
      [clinicNy]: {
        organizationId,
        name: 'Poughkeepsie',
        timeZone: 'America/New_York',
        address: {
          lines: ['45 Reade Place'],
          city: 'Poughkeepsie',
          state: 'NY',
          postalCode: '12601',
        },
        active: true,
      },
      [clinicNj]: {
        organizationId,
        name: 'Hackensack',
        timeZone: 'America/New_York',
        address: {
          lines: ['30 Prospect Ave'],
          city: 'Hackensack',
          state: 'NJ',
          postalCode: '07601',
        },
        active: true,
      },
    },
    staff: {
      [providerId]: {
        organizationId,
        name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
        functions: ['provider'],
        clinicIds: [clinicNy, clinicNj],
        languages: ['en', 'ig'],
        licences: [
          { state: 'NY', number: '298877', expiresOn: '2027-06-30' },
          { state: 'NJ', number: '25MA09876500', expiresOn: '2026-12-31' },
        ],
        npi: '1234567893',
        active: true,
      },
      [interpreterId]: {
        organizationId,
        name: { family: 'Reyes', given: ['Lucía'] },
        functions: ['interpreter'],
        clinicIds: [clinicNy],
        languages: ['es', 'en'],
        licences: [],
        active: true,
      },
      [coordinatorId]: {
        organizationId,
        name: { family: 'Chen', given: ['Wei'] },
        functions: ['coordinator'],
        clinicIds: [clinicNj],
        languages: ['en', 'zh-Hant'],
        licences: [],
        active: true,
      },
    },
  };
}
