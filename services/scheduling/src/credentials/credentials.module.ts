import { Module } from '@nestjs/common';
import {
  APPOINTMENT_SETTINGS,
  appointmentSettingsFromEnv,
} from '../appointments/appointments.settings';
import { CredentialGate } from './credential-gate';
import { StaffCredentialsConsumer } from './staff-credentials.consumer';
import { StaffCredentials } from './staff-credentials.read-model';

const messageConsumers = [StaffCredentialsConsumer];

/**
 * The provider credential gate, fed by training's credential events. Needs KafkaModule.
 * Also the one provider of the scheduling settings, read once from the environment.
 */
@Module({
  providers: [
    StaffCredentials,
    CredentialGate,
    ...messageConsumers,
    { provide: APPOINTMENT_SETTINGS, useFactory: () => appointmentSettingsFromEnv() },
  ],
  exports: [CredentialGate, StaffCredentials, APPOINTMENT_SETTINGS],
})
export class CredentialsModule {}
