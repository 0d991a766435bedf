import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { AppointmentsModule } from '../../appointments/appointments.module';
import { testClock } from '../../appointments/testing/scheduling-test-app';
import { serviceIdentity } from '../../service.identity';
import { PatientsModule } from '../patients.module';

/** Appointments (to give patients visits in clinics) and patients, optionally with the relay. */
export async function startPatientsApp(
  relay: boolean,
): Promise<{ app: NestExpressApplication; url: string }> {
  @Module({
    imports: [
      PlatformModule.forService(serviceIdentity),
      KafkaModule,
      EventStoreModule,
      ClockModule.use(testClock),
      IdsModule.use(),
      ...(relay
        ? [OutboxRelayModule.forService({ source: '/thc/scheduling', topic: TOPICS.scheduling })]
        : []),
      AppointmentsModule,
      PatientsModule,
    ],
  })
  class PatientsTestModule {}
  const app = await createServiceApp(PatientsTestModule, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
