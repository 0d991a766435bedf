import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule } from '@thc/messaging';
import { createServiceApp, PlatformModule } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { StaffCredentials } from '../../credentials/staff-credentials.read-model';
import { serviceIdentity } from '../../service.identity';
import { AppointmentsModule } from '../appointments.module';

/** The scheduling service as its AppModule will wire appointments, without the outbox relay. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    AppointmentsModule,
  ],
})
export class AppointmentsTestModule {}

/** Starts an instance on a free port; the environment (prefixes, settings) is read now. */
export async function startSchedulingApp(): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(AppointmentsTestModule, serviceIdentity, {
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** Records a current credential for a provider directly in the read model (no Kafka). */
export async function credentialProvider(
  app: NestExpressApplication,
  providerId: string,
  validUntil = '2099-01-01T00:00:00Z',
): Promise<void> {
  await app.get(StaffCredentials).credentialed(randomUUID(), {
    staffId: providerId,
    role: 'provider',
    credentialedAt: new Date().toISOString(),
    validUntil,
    certificationIds: [randomUUID()],
  });
}
