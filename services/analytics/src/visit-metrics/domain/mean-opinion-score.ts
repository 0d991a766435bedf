import type { ConnectionMetrics } from '@thc/contracts';

/**
 * Mean opinion score (1 to 4.5) of one connection-quality sample, from the simplified ITU-T
 * G.107 E-model used by VoIP monitors: effective latency = one-way delay + 2 x jitter + 10 ms
 * codec allowance; the R factor loses a quarter point per 10 ms past 160 ms (1/40 below) and
 * 2.5 points per percent of packet loss; R maps to MOS by the G.107 Annex B curve.
 */
export function meanOpinionScore(sample: ConnectionMetrics): number {
  const effectiveLatency = sample.rttMs / 2 + 2 * sample.jitterMs + 10;
  const latencyPenalty =
    effectiveLatency < 160 ? effectiveLatency / 40 : (effectiveLatency - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - latencyPenalty - 2.5 * sample.packetLossPercent));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}
