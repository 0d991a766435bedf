/**
 * The minimum the platform keeps about a patient: the language to speak to them in (for
 * interpreters and, later, notifications) and the state they live in. Nothing else: the EHR
 * holds the chart; the platform holds ids.
 */
export interface PatientProfile {
  /** BCP 47 tag in its canonical form (`es`, `zh-Hant-TW`). */
  readonly preferredLanguage: string;
  /** USPS state or territory code. */
  readonly stateOfResidence: string;
}

/** A field of a stated profile that cannot be kept, and why. */
export interface ProfileViolation {
  readonly field: keyof PatientProfile;
  readonly reason: string;
}

/**
 * The profile as it is compared and stored: the tag in canonical case (`ES-mx` → `es-MX`), so
 * a PUT that differs only in case changes nothing. A tag the BCP 47 grammar refuses is a
 * violation naming the field.
 */
export function canonicalProfile(stated: PatientProfile): PatientProfile | ProfileViolation {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(stated.preferredLanguage)[0];
  } catch {
    canonical = undefined;
  }
  if (!canonical)
    return {
      field: 'preferredLanguage',
      reason: `${stated.preferredLanguage} is not a BCP 47 language tag`,
    };
  return { preferredLanguage: canonical, stateOfResidence: stated.stateOfResidence };
}

export const isViolation = (
  result: PatientProfile | ProfileViolation,
): result is ProfileViolation => 'field' in result;

/** Whole record, latest wins: the same record again is no change and appends nothing. */
export function sameProfile(before: PatientProfile | undefined, after: PatientProfile): boolean {
  return (
    before !== undefined &&
    before.preferredLanguage === after.preferredLanguage &&
    before.stateOfResidence === after.stateOfResidence
  );
}
