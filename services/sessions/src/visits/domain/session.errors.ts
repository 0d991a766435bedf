import type { SampleRefusal } from './quality-sample-limits';

/** The command does not fit the session's status (HTTP 409). */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly action: string,
    readonly status: string,
  ) {
    super(
      status === 'none'
        ? `cannot ${action}: the session does not exist`
        : `cannot ${action} a session whose status is ${status}`,
    );
  }
}

/** Well-formed, but breaks a rule of the visit (HTTP 422). */
export class SessionRuleError extends Error {
  override readonly name = 'SessionRuleError';
}

/** Why a join link is refused; each has a sentence a patient understands (see join-refusals). */
export type LinkRefusal =
  | 'forged'
  | 'expired'
  | 'not-yet-open'
  | 'revoked'
  | 'visit-ended'
  /** The link is in use on another device while its participant is in the visit. */
  | 'in-use';

/**
 * The incoming provider may not take the visit over: no current telehealth credential, or no
 * licence where the patient is (HTTP 409; nothing is recorded).
 */
export class TransferRefusedError extends Error {
  override readonly name = 'TransferRefusedError';
}

/** A join link that must not let its bearer in. */
export class LinkRefusedError extends Error {
  override readonly name = 'LinkRefusedError';
  constructor(readonly refusal: LinkRefusal) {
    super(`join link refused: ${refusal}`);
  }
}

/** One more connection sample from this participant would pass the session's bound (HTTP 429). */
export class QualitySampleRefusedError extends Error {
  override readonly name = 'QualitySampleRefusedError';
  constructor(readonly refusal: SampleRefusal) {
    super(
      refusal.kind === 'session-full'
        ? 'this participant has sent the most connection samples a session keeps'
        : `too many connection samples from this participant; send the next in ${refusal.retryAfterSeconds} s`,
    );
  }
}
