import { decideIncident, MonitorState, observe, Signal } from './incident-monitor';

const policy = { windowSeconds: 60, threshold: 3, quietSeconds: 120 };
const t0 = Date.parse('2031-03-09T13:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const signal = (n: number, seconds: number, kind: Signal['kind'] = 'failed-join'): Signal => ({
  eventId: `e${n}`,
  sessionId: `s${n}`,
  kind,
  at: at(seconds).toISOString(),
});
const empty: MonitorState = { signals: [] };

describe('the platform incident monitor', () => {
  it('raises nothing below the threshold, or when the signals are spread beyond the window', () => {
    const spread = observe(empty, [signal(1, 0), signal(2, 40)], at(40), policy);
    const later = observe(spread, [signal(3, 90)], at(90), policy);
    expect(decideIncident(later, at(90), policy)).toEqual({ kind: 'none' });
  });

  it('raises one incident when the threshold is reached inside the window', () => {
    const burst = observe(
      empty,
      [signal(1, 0), signal(2, 10, 'drop'), signal(3, 20, 'issue')],
      at(20),
      policy,
    );
    expect(decideIncident(burst, at(20), policy)).toEqual({
      kind: 'raise',
      count: 3,
      sessionIds: ['s1', 's2', 's3'],
    });
  });

  it('counts a redelivered signal once', () => {
    const twice = observe(
      observe(empty, [signal(1, 0), signal(2, 5)], at(5), policy),
      [signal(2, 5)],
      at(6),
      policy,
    );
    expect(decideIncident(twice, at(6), policy)).toEqual({ kind: 'none' });
  });

  it('keeps an open incident open while signals come, and closes it after a quiet period', () => {
    const open: MonitorState = {
      signals: [],
      open: {
        incidentId: 'i',
        raisedAt: at(20).toISOString(),
        lastSignalAt: at(20).toISOString(),
        sessionIds: ['s1'],
      },
    };
    const busy = observe(open, [signal(9, 100)], at(100), policy);
    expect(decideIncident(busy, at(200), policy)).toEqual({ kind: 'none' });
    expect(decideIncident(busy, at(220), policy)).toEqual({
      kind: 'close',
      incidentId: 'i',
      sessionIds: ['s1', 's9'],
    });
  });
});
