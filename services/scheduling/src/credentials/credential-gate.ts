import { Inject, Injectable } from '@nestjs/common';
import { APPOINTMENT_SETTINGS, AppointmentSettings } from '../appointments/appointments.settings';
import { CredentialDecision, decideCredential } from './staff-credential.decision';
import { StaffCredentials } from './staff-credentials.projection';

/** A booking refused because of the provider's credential (HTTP 409 naming the reason). */
export class CredentialNotCurrentError extends Error {
  override readonly name = 'CredentialNotCurrentError';
}

/**
 * Refuses bookings with a provider whose telehealth credential is not current, and decides the
 * same for interpreters (configurable, never off in production).
 */
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

  /**
   * The credential decision for each interpreter a visit might hold, in one read (`$in` on
   * `_id`); every one allowed when the check is off.
   */
  async interpretersFor(
    staffIds: readonly string[],
    now: Date,
    visitEnd: string,
  ): Promise<ReadonlyMap<string, CredentialDecision>> {
    if (!this.settings.requireCredential || staffIds.length === 0)
      return new Map(staffIds.map((id) => [id, { allowed: true } as const]));
    const credentials = await this.credentials.credentialsOf(staffIds);
    return new Map(
      staffIds.map((id) => [
        id,
        decideCredential(credentials.get(id), now, visitEnd, 'interpreter'),
      ]),
    );
  }
}
