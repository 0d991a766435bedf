import { deciderSpec } from '@thc/testing';
import { ClaimTime, ledgerDecider, TimeTakenError } from './ledger.decider';
import { LEDGER_EVENT, LedgerEvent } from './ledger.events';
import { heldInterval } from './ledger-days';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const NOW = '2031-05-01T12:00:00.000Z';

/** A claim of `id` for the visit start-end with buffers, made at `at`. */
function claim(id: string, start: string, end: string, buffers = [0, 0], at = NOW): ClaimTime {
  const held = heldInterval(start, end, buffers[0]!, buffers[1]!);
  return {
    type: 'ClaimTime',
    appointmentId: id,
    visitStart: start,
    visitEnd: end,
    ...held,
    at,
    staleAfterMs: 60_000,
    abandoned: [],
  };
}
const claimed = (c: ClaimTime): LedgerEvent => ({
  type: LEDGER_EVENT.claimed,
  data: {
    appointmentId: c.appointmentId,
    visitStart: c.visitStart,
    visitEnd: c.visitEnd,
    start: c.start,
    end: c.end,
    claimedAt: c.at,
  },
});
const released = (c: ClaimTime, why: 'abandoned' | 'cancelled', at = NOW): LedgerEvent => ({
  type: LEDGER_EVENT.released,
  data: {
    appointmentId: c.appointmentId,
    visitStart: c.visitStart,
    visitEnd: c.visitEnd,
    releasedAt: at,
    why,
  },
});

const given = deciderSpec(ledgerDecider);
const nine = claim(A, '2031-05-05T09:00:00.000Z', '2031-05-05T09:30:00.000Z');

describe('booking ledger day', () => {
  it('claims free time', () =>
    given([])
      .when(nine)
      .then([claimed(nine)]));

  it.each([
    ['the same interval', '09:00', '09:30'],
    ['a contained interval', '09:10', '09:20'],
    ['an interval over its start', '08:45', '09:15'],
    ['an interval over its end', '09:29', '10:00'],
    ['an interval around it', '08:00', '10:00'],
  ])('refuses %s', (_, from, to) =>
    given([claimed(nine)])
      .when(claim(B, `2031-05-05T${from}:00.000Z`, `2031-05-05T${to}:00.000Z`))
      .then(TimeTakenError),
  );

  it('lets visits touch: one ends when the next starts', () => {
    const next = claim(B, '2031-05-05T09:30:00.000Z', '2031-05-05T10:00:00.000Z');
    given([claimed(nine)])
      .when(next)
      .then([claimed(next)]);
  });

  it('counts the buffers of both visits', () => {
    const buffered = claim(A, '2031-05-05T09:00:00.000Z', '2031-05-05T09:30:00.000Z', [0, 10]);
    const tooClose = claim(B, '2031-05-05T09:40:00.000Z', '2031-05-05T10:00:00.000Z', [5, 0]);
    const clear = claim(B, '2031-05-05T09:45:00.000Z', '2031-05-05T10:00:00.000Z', [5, 0]);
    given([claimed(buffered)])
      .when(tooClose)
      .then(TimeTakenError);
    given([claimed(buffered)])
      .when(clear)
      .then([claimed(clear)]);
  });

  it('is idempotent for a retried claim of the same visit', () =>
    given([claimed(nine)])
      .when(nine)
      .then([]));

  it('lets an appointment hold its old and new time while it moves', () => {
    const moved = claim(A, '2031-05-05T09:15:00.000Z', '2031-05-05T09:45:00.000Z');
    given([claimed(nine)])
      .when(moved)
      .then([claimed(moved)]);
  });

  it('frees released time', () => {
    const next = claim(B, '2031-05-05T09:00:00.000Z', '2031-05-05T09:30:00.000Z');
    given([claimed(nine), released(nine, 'cancelled')])
      .when(next)
      .then([claimed(next)]);
  });

  describe('claims whose booking never finished', () => {
    const old = claim(
      A,
      '2031-05-05T09:00:00.000Z',
      '2031-05-05T09:30:00.000Z',
      [0, 0],
      '2031-05-01T11:58:00.000Z',
    );
    const contender = claim(B, '2031-05-05T09:00:00.000Z', '2031-05-05T09:30:00.000Z');

    it('stay in force until the handler finds them abandoned, and are named as stale', () => {
      const state = [claimed(old)].reduce(ledgerDecider.evolve, ledgerDecider.initialState());
      let refusal: unknown;
      try {
        ledgerDecider.decide(contender, state);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(TimeTakenError);
      expect((refusal as TimeTakenError).stale.map((c) => c.appointmentId)).toEqual([A]);
    });

    it('are released and replaced once found abandoned and older than the timeout', () =>
      given([claimed(old)])
        .when({ ...contender, abandoned: [A] })
        .then([released(old, 'abandoned'), claimed(contender)]));

    it('are kept while younger than the timeout, even if said abandoned', () => {
      const fresh = claim(
        A,
        '2031-05-05T09:00:00.000Z',
        '2031-05-05T09:30:00.000Z',
        [0, 0],
        '2031-05-01T11:59:30.000Z',
      );
      given([claimed(fresh)])
        .when({ ...contender, abandoned: [A] })
        .then(TimeTakenError);
    });
  });
});
