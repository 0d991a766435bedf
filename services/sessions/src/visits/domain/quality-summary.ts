import type { ParticipantQuality, ParticipantRole } from './session.events';
import type { Session } from './session.state';

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/** Each sampled participant's quality over the visit, from the running sums in the state. */
export function qualitySummary(session: Session): ParticipantQuality[] {
  return session.participants.flatMap((p) => {
    const tally = session.quality[p.participantId];
    if (!tally || tally.samples === 0) return [];
    return [
      {
        participantId: p.participantId,
        role: p.role as ParticipantRole,
        samples: tally.samples,
        meanMos: round(tally.mosSum / tally.samples, 2),
        minMos: tally.minMos,
        meanPacketLossPercent: round(tally.lossSum / tally.samples, 2),
        meanRttMs: round(tally.rttSum / tally.samples, 1),
        poorSamples: tally.poorSamples,
        drops: session.presence[p.participantId]?.drops ?? 0,
      },
    ];
  });
}
