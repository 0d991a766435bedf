import { Inject, Injectable } from '@nestjs/common';
import { APPOINTMENT_SETTINGS, AppointmentSettings } from '../appointments/appointments.settings';
import { decideCredential } from './staff-credential.decision';
import { StaffCredentials } from './staff-credentials.read-model';

/** A booking refused because of the provider's credential (HTTP 409 naming the reason). */
export class CredentialNotCurrentError extends Error {
  override readonly name = 'CredentialNotCurrentError';
}

/** Refuses bookings with a provider whose telehealth credential is not current (configurable). */
@Injectable()
export class CredentialGate {
  constructor(
    private readonly credentials: StaffCredentials,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
  ) {}

  async ensureBookable(providerId: string, now: Date, visitEnd: string): Promise<void> {
    if (!this.settings.requireCredential) return;
    const decision = decideCredential(
      await this.credentials.credentialOf(providerId),
      now,
      visitEnd,
    );
    if (!decision.allowed) throw new CredentialNotCurrentError(decision.reason);
  }
}
