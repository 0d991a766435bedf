import type { Decider } from '@thc/event-store/decider';
import { ClaimedTime, LEDGER_EVENT, LedgerEvent, ReleaseWhy } from './ledger.events';

/** The claims of one ledger day (a provider's or a patient's) that still hold time. */
export interface LedgerState {
  readonly claims: readonly ClaimedTime[];
}

export interface ClaimTime {
  readonly type: 'ClaimTime';
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
  /** Held interval, buffers included, UTC ISO. */
  readonly start: string;
  readonly end: string;
  readonly at: string;
  /** A claim older than this may be abandoned (its booking never finished). */
  readonly staleAfterMs: number;
  /**
   * Appointments whose claims the handler found abandoned: their stream does not hold this
   * time. Only claims that are also older than `staleAfterMs` are set aside.
   */
  readonly abandoned: readonly string[];
}

export interface ReleaseTime {
  readonly type: 'ReleaseTime';
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
  readonly at: string;
  readonly why: ReleaseWhy;
}

export type LedgerCommand = ClaimTime | ReleaseTime;

/** Another appointment holds overlapping time. `stale` lists holders the handler may check. */
export class TimeTakenError extends Error {
  override readonly name = 'TimeTakenError';
  constructor(
    readonly holders: readonly ClaimedTime[],
    readonly stale: readonly ClaimedTime[],
  ) {
    super('the time overlaps an appointment already booked');
  }
}

const ms = (instant: string): number => Date.parse(instant);

/** Half-open intervals: a visit ending at 10:00 and one starting at 10:00 do not overlap. */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);

interface ClaimKey {
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
}

const sameClaim = (claim: ClaimKey, key: ClaimKey): boolean =>
  claim.appointmentId === key.appointmentId &&
  ms(claim.visitStart) === ms(key.visitStart) &&
  ms(claim.visitEnd) === ms(key.visitEnd);

function claim(command: ClaimTime, state: LedgerState): LedgerEvent[] {
  const { appointmentId, visitStart, visitEnd, start, end, at } = command;
  if (state.claims.some((c) => sameClaim(c, command))) return [];
  // An appointment never conflicts with itself: a reschedule holds old and new time at once.
  const conflicts = state.claims.filter(
    (c) => c.appointmentId !== appointmentId && overlaps(c, command),
  );
  const old = (c: ClaimedTime) => ms(at) - ms(c.claimedAt) > command.staleAfterMs;
  const abandoned = conflicts.filter((c) => old(c) && command.abandoned.includes(c.appointmentId));
  const holders = conflicts.filter((c) => !abandoned.includes(c));
  if (holders.length > 0) throw new TimeTakenError(holders, holders.filter(old));
  return [
    ...abandoned.map((c): LedgerEvent => ({
      type: LEDGER_EVENT.released,
      data: {
        appointmentId: c.appointmentId,
        visitStart: c.visitStart,
        visitEnd: c.visitEnd,
        releasedAt: at,
        why: 'abandoned',
      },
    })),
    {
      type: LEDGER_EVENT.claimed,
      data: { appointmentId, visitStart, visitEnd, start, end, claimedAt: at },
    },
  ];
}

function decide(command: LedgerCommand, state: LedgerState): LedgerEvent[] {
  if (command.type === 'ClaimTime') return claim(command, state);
  const { appointmentId, visitStart, visitEnd, at, why } = command;
  if (!state.claims.some((c) => sameClaim(c, command))) return [];
  return [
    {
      type: LEDGER_EVENT.released,
      data: { appointmentId, visitStart, visitEnd, releasedAt: at, why },
    },
  ];
}

function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  if (event.type === LEDGER_EVENT.claimed) return { claims: [...state.claims, event.data] };
  return { claims: state.claims.filter((c) => !sameClaim(c, event.data)) };
}

/** One ledger day: who holds which time. Overlap is decided here, races by the stream version. */
export const ledgerDecider: Decider<LedgerState, LedgerCommand, LedgerEvent> = {
  decide,
  evolve,
  initialState: () => ({ claims: [] }),
};
