import { nextCheckAt } from './next-check';
import { staffTrainingDecider } from './staff-training.decider';
import { STAFF_EVENT as E, StaffTrainingEvent } from './staff-training.events';
import type { Enrolled } from './staff-training.state';
import { credentialedProvider, ids, warned } from '../testing/staff-training.fixture';

const stateOf = (events: readonly StaffTrainingEvent[]) =>
  events.reduce(staffTrainingDecider.evolve, staffTrainingDecider.initialState()) as Enrolled;

describe('when the clock next has something to decide', () => {
  it('is the earliest lead time before the earliest expiry', () =>
    expect(nextCheckAt(stateOf(credentialedProvider), [30, 7])).toBe('2026-12-11T00:00:00.000Z'));

  it('moves to the next lead time once a warning is sent, then to the expiry', () => {
    expect(nextCheckAt(stateOf([...credentialedProvider, warned(30)]), [30, 7])).toBe(
      '2027-01-03T00:00:00.000Z',
    );
    expect(nextCheckAt(stateOf([...credentialedProvider, warned(30), warned(7)]), [30, 7])).toBe(
      '2027-01-10T00:00:00.000Z',
    );
  });

  it('skips the warnings of a certification renewed by a longer one, so checks do not repeat', () => {
    const renewal: StaffTrainingEvent = {
      type: E.granted,
      data: {
        staffId: ids.staff,
        certificationId: ids.ctc,
        kind: 'hipaa',
        grantedAt: '2026-12-20T00:00:00.000Z',
        expiresAt: '2027-12-20T00:00:00.000Z',
        basedOnModuleIds: ['00000000-0000-4000-8000-000000000000'],
      },
    };
    // Left: the old certification's expiry itself (a fact to record), not its warnings.
    expect(nextCheckAt(stateOf([...credentialedProvider, renewal]), [30, 7])).toBe(
      '2027-01-10T00:00:00.000Z',
    );
  });

  it('is nothing once every certification has gone and nothing is assigned', () => {
    const state = stateOf(credentialedProvider);
    const gone: Enrolled = {
      ...state,
      certifications: state.certifications.map((c) => ({ ...c, status: 'expired' })),
    };
    expect(nextCheckAt(gone, [30, 7])).toBeUndefined();
  });
});
