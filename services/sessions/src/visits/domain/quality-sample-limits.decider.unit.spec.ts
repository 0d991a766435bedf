import { deciderSpec } from '@thc/testing';
import { QUALITY_SAMPLE_LIMITS as LIMITS } from './quality-sample-limits';
import type { RecordQualitySample } from './session.commands';
import { sessionDecider } from './session.decider';
import { QualitySampleRefusedError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { admitted, created, ids, joined, started } from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);
const T0 = Date.parse('2031-03-09T13:05:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const inVisit = [created, started, admitted, joined(ids.patient, 'patient', at(-60))];

const sample = (participantId: string, seconds: number): RecordQualitySample => ({
  type: 'RecordQualitySample',
  participantId,
  rttMs: 80,
  jitterMs: 5,
  packetLossPercent: 0.2,
  bitrateKbps: 1200,
  at: at(seconds),
});

/** The events of `count` samples from one participant, `every` seconds apart from `from`. */
const sampled = (participantId: string, count: number, every: number, from = 0): SessionEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    type: E.sampled,
    data: {
      sessionId: ids.session,
      participantId,
      sampledAt: at(from + i * every),
      rttMs: 80,
      jitterMs: 5,
      packetLossPercent: 0.2,
      bitrateKbps: 1200,
      band: 'good' as const,
      mos: 4.3,
    },
  }));

/** The refusal the decider raises for a sample at `seconds`, after `events`. */
const refusal = (seconds: number, events: SessionEvent[]): unknown => {
  const state = events.reduce(sessionDecider.evolve, sessionDecider.initialState());
  try {
    sessionDecider.decide(sample(ids.patient, seconds), state);
  } catch (error) {
    return (error as QualitySampleRefusedError).refusal;
  }
  return undefined;
};

describe('connection samples are bounded per participant', () => {
  const burst = [...inVisit, ...sampled(ids.patient, LIMITS.perWindow, 1)];

  it(`keeps a burst of ${LIMITS.perWindow} samples in a window`, () =>
    given(inVisit)
      .when(sample(ids.patient, 0))
      .then([expect.objectContaining({ type: E.sampled }) as never]));

  it('refuses the next sample in the same window, saying when the window ends', () => {
    given(burst).when(sample(ids.patient, 12)).then(QualitySampleRefusedError);
    expect(refusal(12, burst)).toEqual({ kind: 'too-frequent', retryAfterSeconds: 48 });
  });

  it('keeps a sample again once the window has passed', () =>
    given(burst)
      .when(sample(ids.patient, LIMITS.windowSeconds))
      .then([expect.objectContaining({ type: E.sampled }) as never]));

  it("does not count one participant's samples against another's", () =>
    given([...burst, joined(ids.provider, 'provider', at(-30))])
      .when(sample(ids.provider, 12))
      .then([expect.objectContaining({ type: E.sampled }) as never]));

  it(`refuses every sample past ${LIMITS.perSession} in a session, however slowly they come`, () => {
    const full = [
      ...inVisit,
      ...sampled(ids.patient, LIMITS.perSession, LIMITS.windowSeconds / LIMITS.perWindow),
    ];
    const later = LIMITS.perSession * 10 + 3600;
    given(full).when(sample(ids.patient, later)).then(QualitySampleRefusedError);
    expect(refusal(later, full)).toEqual({ kind: 'session-full' });
  });
});
