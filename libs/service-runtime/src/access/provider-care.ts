import {
  CareVisit,
  careIsCurrent,
  careRelationshipDaysFromEnv,
  ensureCareCurrent,
  Principal,
} from '@thc/auth';
import { Clock } from '../clock/clock';

/** A record of a visit between a patient and a provider (an appointment, a session). */
export interface CareRecord {
  readonly patientId: string;
}

/**
 * A provider's care relationship with a patient, from the records of their visits: open from
 * booking until CARE_RELATIONSHIP_DAYS after the last visit (`careIsCurrent`). Lists and
 * single-record reads ask it alike, so an old record's id opens no more than the patient's list
 * would. A service says what a visit of its records is and where the provider's others are.
 */
export abstract class ProviderCare<Visit extends CareRecord> {
  /** CARE_RELATIONSHIP_DAYS, read (and refused if malformed) when the service starts. */
  private readonly days = careRelationshipDaysFromEnv();

  protected constructor(private readonly clock: Clock) {}

  /** The record as a visit of the care relationship. */
  protected abstract careVisitOf(record: Visit): CareVisit;

  /** The provider's other records with the patient, read only when the one at hand is old. */
  protected abstract othersOf(patientId: string, providerId: string): Promise<readonly Visit[]>;

  /** Whether these records (one provider's with one patient) keep the care current now. */
  isCurrent(records: readonly Visit[]): boolean {
    return careIsCurrent(
      records.map((record) => this.careVisitOf(record)),
      this.clock(),
      this.days,
    );
  }

  /**
   * After the record's access check admitted a read: refuses (403, nothing read) a provider
   * whose care of the record's patient has ended; staff and the patient pass untouched. The
   * record itself usually settles it; only an old one costs a look at the others.
   */
  ensureCurrent(principal: Principal, record: Visit): Promise<void> {
    const { patientId } = record;
    return ensureCareCurrent(principal, patientId, {
      record: [this.careVisitOf(record)],
      others: async () =>
        (await this.othersOf(patientId, principal.subject)).map((other) => this.careVisitOf(other)),
      at: this.clock(),
      days: this.days,
    });
  }
}
