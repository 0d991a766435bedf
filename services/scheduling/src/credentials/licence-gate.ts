import { Inject, Injectable } from '@nestjs/common';
import { APPOINTMENT_SETTINGS, AppointmentSettings } from '../appointments/appointments.settings';
import { DIRECTORY_READER, DirectoryReader } from '../directory/directory.port';
import { decideLicence } from './licence.decision';

/** A booking refused because the provider may not practise where the patient will be (409). */
export class NotLicensedError extends Error {
  override readonly name = 'NotLicensedError';
}

/**
 * Refuses a provider without a licence active, through the visit's end, in the state where the
 * patient says they will be (configurable, never off in production). Licences come from the
 * directory: one `_id` read of the provider's listing.
 */
@Injectable()
export class LicenceGate {
  constructor(
    @Inject(DIRECTORY_READER) private readonly directory: DirectoryReader,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
  ) {}

  async ensureLicensed(providerId: string, state: string, visitEnd: string): Promise<void> {
    if (!this.settings.requireLicence) return;
    const provider = await this.directory.staffMember(providerId);
    const decision = decideLicence(provider, providerId, state, visitEnd);
    if (!decision.allowed) throw new NotLicensedError(decision.reason);
  }
}
