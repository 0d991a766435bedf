import { Injectable } from '@nestjs/common';
import type { ContactDirectory, ContactLookup } from '../contact-points';
import { PatientLanguages } from './patient-languages.projection';
import { ContactPointsProjection } from './contact-points.projection';
import { ContactSealer, SealedContactField } from './contact-sealer';

const SEALED: readonly SealedContactField[] = ['email', 'mobile', 'preferredLanguage'];

/**
 * The dispatcher's view of a person: one read of `contact_points` by `_id`, then the seals
 * opened with the patient's key. A person without a record of their own is written to, if at
 * all, in the language of their patient profile in scheduling (people who are patients only:
 * a caregiver's language is not their patient's).
 */
@Injectable()
export class SealedContactDirectory implements ContactDirectory {
  constructor(
    private readonly views: ContactPointsProjection,
    private readonly sealer: ContactSealer,
    private readonly languages: PatientLanguages,
  ) {}

  async contactFor(personId: string): Promise<ContactLookup> {
    const view = await this.views.find(personId);
    if (!view) {
      const profile = await this.languages.languageOf(personId);
      if (profile.kind === 'erased') return { found: false, reason: 'erased' };
      return {
        found: false,
        reason: 'none',
        ...(profile.kind === 'language' ? { language: profile.language } : {}),
      };
    }
    const opened: Partial<Record<SealedContactField, string>> = {};
    for (const field of SEALED) {
      const sealed = view[field];
      if (!sealed) continue;
      const value = await this.sealer.open(view.patientId, field, sealed);
      if (!value.readable) return { found: false, reason: 'erased' };
      opened[field] = value.value;
    }
    const profile = opened.preferredLanguage
      ? undefined
      : await this.languages.languageOf(personId);
    const language =
      opened.preferredLanguage ?? (profile?.kind === 'language' ? profile.language : undefined);
    return {
      found: true,
      contact: {
        personId,
        patientId: view.patientId,
        ...(opened.email ? { email: opened.email } : {}),
        ...(opened.mobile ? { mobile: opened.mobile } : {}),
        ...(language ? { language } : {}),
        timeZone: view.timeZone,
        ...(view.quietHours ? { quietHours: view.quietHours } : {}),
        consent: view.consent,
        optedOut: view.optedOut,
      },
    };
  }
}
