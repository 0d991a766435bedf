import { Module } from '@nestjs/common';
import {
  APPOINTMENT_SETTINGS,
  appointmentSettingsFromEnv,
} from '../appointments/appointments.settings';
import { DirectoryModule } from '../directory/directory.module';
import { CredentialGate } from './credential-gate';
import { LicenceGate } from './licence-gate';
import { KeepCredentialsFromTrainingEvents } from './keep-credentials-from-training-events.consumer';
import { StaffCredentials } from './staff-credentials.projection';

const messageConsumers = [KeepCredentialsFromTrainingEvents];

/**
 * The provider credential gate, fed by training's credential events, and the licence gate,
 * fed by the directory. Needs KafkaModule.
 * Also the one provider of the scheduling settings, read once from the environment.
 */
@Module({
  // Licences are the directory's: the licence gate reads them from its views.
  imports: [DirectoryModule],
  providers: [
    StaffCredentials,
    CredentialGate,
    LicenceGate,
    ...messageConsumers,
    { provide: APPOINTMENT_SETTINGS, useFactory: () => appointmentSettingsFromEnv() },
  ],
  exports: [CredentialGate, LicenceGate, StaffCredentials, APPOINTMENT_SETTINGS],
})
export class CredentialsModule {}
