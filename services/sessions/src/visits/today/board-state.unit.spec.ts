import { SESSION_EVENT as E, SessionEvent } from '../domain/session.events';
import { evolve } from '../domain/session.evolve';
import {
  admitted,
  arrived,
  cancelled,
  created,
  ids,
  provider,
  started,
} from '../testing/session.fixture';
import { initialSessionState, Session } from '../domain/session.state';
import { boardStandingOf } from './board-state';

const sessionAfter = (events: readonly SessionEvent[]): Session => {
  const state = events.reduce(evolve, initialSessionState());
  if (state.status === 'none') throw new Error('no session');
  return state;
};

const check = (participantId: string, result: 'passed' | 'warning' | 'failed'): SessionEvent => ({
  type: E.checkRecorded,
  data: {
    sessionId: ids.session,
    participantId,
    role: participantId === ids.patient ? 'patient' : 'interpreter',
    checkedAt: '2031-03-09T12:40:00Z',
    result,
    checks: {
      camera: result === 'failed' ? 'fail' : 'pass',
      microphone: 'pass',
      speaker: 'pass',
      network: 'pass',
    },
    client: { device: 'desktop', browser: 'chrome' },
  },
});

const located: SessionEvent = {
  type: E.locationConfirmed,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    state: 'NY',
    confirmedAt: '2031-03-09T12:45:00Z',
    confirmedBy: { kind: 'user', userId: ids.patient, role: 'patient' },
  },
};

const audioOnly: SessionEvent = {
  type: E.audioOnly,
  data: {
    sessionId: ids.session,
    participantId: ids.patient,
    switchedAt: '2031-03-09T13:10:00Z',
    trigger: 'poor-connection',
  },
};

const ended = (outcome: 'completed' | 'patient-no-show' | 'provider-no-show'): SessionEvent => ({
  type: E.ended,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    outcome,
    endedAt: '2031-03-09T13:40:00Z',
    endedBy: provider,
  },
});

const now = new Date('2031-03-09T13:02:30Z');

describe("a visit's state on the board", () => {
  it.each<[string, readonly SessionEvent[], string]>([
    ['booked: nothing yet', [created], 'booked'],
    ['checked in: the patient confirmed where they are', [created, located], 'checked-in'],
    [
      'checked in: the patient passed a device check',
      [created, check(ids.patient, 'passed')],
      'checked-in',
    ],
    [
      'checked in: a warning is still a pass',
      [created, check(ids.patient, 'warning')],
      'checked-in',
    ],
    [
      'device check failed: the latest check failed',
      [created, located, check(ids.patient, 'failed')],
      'device-check-failed',
    ],
    [
      "device check failed: the interpreter's",
      [created, check(ids.interpreter, 'failed')],
      'device-check-failed',
    ],
    [
      'checked in again once a later check passes',
      [created, check(ids.patient, 'failed'), check(ids.patient, 'passed')],
      'checked-in',
    ],
    ['in progress: started', [created, arrived, started], 'in-progress'],
    ['in progress: admitted', [created, arrived, admitted], 'in-progress'],
    [
      'audio only: in progress with someone on audio',
      [created, started, admitted, audioOnly],
      'audio-only',
    ],
    ['ended: completed', [created, started, ended('completed')], 'ended'],
    ["no-show: the patient's", [created, ended('patient-no-show')], 'no-show'],
    ["no-show: the provider's", [created, arrived, ended('provider-no-show')], 'no-show'],
    ['cancelled', [created, cancelled], 'cancelled'],
  ])('%s', (_, events, state) => {
    expect(boardStandingOf(sessionAfter(events), now).state).toBe(state);
  });

  it('waiting: arrived and not admitted, with the whole minutes waited', () => {
    // Arrived 12:55:00, now 13:02:30: seven and a half minutes, so seven.
    expect(
      boardStandingOf(sessionAfter([created, check(ids.patient, 'failed'), arrived]), now),
    ).toEqual({
      state: 'waiting',
      waitingMinutes: 7,
    });
  });
});
