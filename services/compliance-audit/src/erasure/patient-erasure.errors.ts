/** A patient under legal hold cannot be erased: the matter needs their records readable. */
export class PatientUnderLegalHoldError extends Error {
  override readonly name = 'PatientUnderLegalHoldError';
  constructor(readonly matter: string) {
    super(`the patient is under legal hold (${matter}); release the hold before erasing`);
  }
}
