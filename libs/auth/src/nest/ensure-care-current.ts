import { CareVisit, careIsCurrent, reachesPatientThroughCare } from '../patient-access.policy';
import { Principal } from '../principal';
import { ensurePatientAccess } from './ensure-patient-access';

/** What a service knows of a provider's care of one patient, to judge one record. */
export interface CareOfRecord {
  /** The record in hand, as visits: it usually settles the question alone. */
  readonly record: readonly CareVisit[];
  /** The provider's other visits with the patient, read only when the record is old. */
  readonly others: () => Promise<readonly CareVisit[]>;
  readonly at: Date;
  /** CARE_RELATIONSHIP_DAYS. */
  readonly days: number;
}

/**
 * After a record's own access check admitted a read: throws 403 (nothing read) for a provider
 * whose care of the record's patient has ended; staff (whose clinic scope the record's own
 * check applied) and the patient pass untouched. An old
 * record is still open when a later visit keeps the care current, as the patient's list shows.
 */
export async function ensureCareCurrent(
  principal: Principal,
  patientId: string,
  care: CareOfRecord,
): Promise<void> {
  if (!reachesPatientThroughCare(principal, patientId)) return;
  if (careIsCurrent(care.record, care.at, care.days)) return;
  ensurePatientAccess(principal, patientId, careIsCurrent(await care.others(), care.at, care.days));
}
