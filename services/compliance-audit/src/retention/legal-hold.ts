/** A patient whose audit entries must outlive retention, and why. */
export interface LegalHold {
  readonly patientId: string;
  readonly placedAt: string;
  readonly placedBy: string;
  readonly matter: string;
}
