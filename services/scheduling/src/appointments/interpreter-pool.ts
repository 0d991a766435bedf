import type { Duty } from '../availability/domain/on-duty';
import type { CredentialDecision } from '../credentials/staff-credential.decision';
import type { StaffListing } from '../directory/directory.port';

/** What booking knows of one interpreter for one visit. */
export interface InterpreterFacts {
  readonly staff: StaffListing;
  /** Their telehealth credential decided for the visit (allowed when the check is off). */
  readonly credential: CredentialDecision;
  /** Whether their schedule has them at work then; undefined when they have no schedule. */
  readonly duty: Duty | undefined;
}

/** An interpreter who may be held: their time (with their buffers) is claimed next. */
export interface Candidate {
  readonly staffId: string;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
}

/** Why an interpreter cannot be held; `language` is a rule of the request (422), the rest 409. */
export type PassedOver = {
  readonly staffId: string;
  readonly why: 'not-an-interpreter' | 'language' | 'credential' | 'off-duty';
  readonly detail: string;
};

/** The same tag, ignoring case (BCP 47 tags are case-insensitive). */
const speaks = (staff: StaffListing, language: string): boolean =>
  staff.languages.some((spoken) => spoken.toLowerCase() === language.toLowerCase());

function passedOver(facts: InterpreterFacts, language: string): PassedOver | undefined {
  const { staff, credential, duty } = facts;
  const staffId = staff.staffId;
  if (!staff.active || !staff.functions.includes('interpreter'))
    return {
      staffId,
      why: 'not-an-interpreter',
      detail: `${staff.displayName} is not an active interpreter in the directory`,
    };
  if (!speaks(staff, language))
    return {
      staffId,
      why: 'language',
      detail: `${staff.displayName} does not interpret ${language}`,
    };
  if (!credential.allowed)
    return {
      staffId,
      why: 'credential',
      detail: `${staff.displayName}: ${credential.reason}`,
    };
  if (!duty?.onDuty)
    return {
      staffId,
      why: 'off-duty',
      detail: `${staff.displayName} is not scheduled then (${duty ? duty.detail : 'no schedule'})`,
    };
  return undefined;
}

/**
 * The interpreters a visit may hold, in the order a booking tries them (by staff id: every
 * booking tries the pool in the same order, so concurrent bookings meet on the same ledger day
 * and the ledger decides, instead of two bookings each taking the other's first choice), and
 * why each other one is passed over. Pure: the facts come from the directory, the credential
 * read model and the schedules. Being free is not decided here: the booking ledger does that.
 */
export function interpreterCandidates(
  language: string,
  pool: readonly InterpreterFacts[],
): { readonly candidates: readonly Candidate[]; readonly passedOver: readonly PassedOver[] } {
  const candidates: Candidate[] = [];
  const skipped: PassedOver[] = [];
  for (const facts of [...pool].sort((a, b) => a.staff.staffId.localeCompare(b.staff.staffId))) {
    const why = passedOver(facts, language);
    if (why) skipped.push(why);
    else if (facts.duty?.onDuty)
      candidates.push({
        staffId: facts.staff.staffId,
        bufferBeforeMinutes: facts.duty.bufferBeforeMinutes,
        bufferAfterMinutes: facts.duty.bufferAfterMinutes,
      });
  }
  return { candidates, passedOver: skipped };
}
