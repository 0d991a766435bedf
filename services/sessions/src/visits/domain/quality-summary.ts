import type { ParticipantQuality, ParticipantRole } from './session.events';
import type { Session } from './session.state';

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/**
 * Each sampled participant's quality over the visit, from the running sums in the state. A
 * provider who handed the visit over is no longer a participant but keeps their figures.
 */
export function qualitySummary(session: Session): ParticipantQuality[] {
  return Object.keys(session.quality).flatMap((participantId) => {
    const tally = session.quality[participantId];
    if (!tally || tally.samples === 0) return [];
    const role = session.participants.find((p) => p.participantId === participantId)?.role;
    return [
      {
        participantId,
        role: (role ?? 'provider') as ParticipantRole,
        samples: tally.samples,
        meanMos: round(tally.mosSum / tally.samples, 2),
        minMos: tally.minMos,
        meanPacketLossPercent: round(tally.lossSum / tally.samples, 2),
        meanRttMs: round(tally.rttSum / tally.samples, 1),
        poorSamples: tally.poorSamples,
        drops: session.presence[participantId]?.drops ?? 0,
      },
    ];
  });
}
