/** The network figures one quality sample carries. */
export interface ConnectionMetrics {
  readonly rttMs: number;
  readonly jitterMs: number;
  readonly packetLossPercent: number;
}

export type QualityBand = 'good' | 'fair' | 'poor';

/*
 * Thresholds for interactive video: ~150 ms one-way delay (ITU-T G.114), i.e. 300 ms round
 * trip, is where conversation starts to suffer; jitter past 30 ms and loss past 1% become
 * audible. "poor" is where participants typically fall back to audio only.
 */
const GOOD = { rttMs: 300, jitterMs: 30, packetLossPercent: 1 } as const;
const POOR = { rttMs: 500, jitterMs: 50, packetLossPercent: 5 } as const;

/**
 * The platform's one definition of a sample's quality band. Producers of
 * ConnectionQualitySampled.v2 and the v1 -> v2 upcaster both call it, so a band means the same
 * whether it was measured live or derived from an old event.
 */
export function qualityBand(metrics: ConnectionMetrics): QualityBand {
  const exceeds = (limits: ConnectionMetrics): boolean =>
    metrics.rttMs > limits.rttMs ||
    metrics.jitterMs > limits.jitterMs ||
    metrics.packetLossPercent > limits.packetLossPercent;
  if (exceeds(POOR)) return 'poor';
  return exceeds(GOOD) ? 'fair' : 'good';
}

/**
 * Mean opinion score (1-5) estimated from network figures, for clients that do not report one:
 * the simplified ITU-T G.107 E-model used by WebRTC monitors. Effective latency is the one-way
 * delay (half the round trip) plus twice the jitter plus 10 ms of codec delay; each percent of
 * loss costs 2.5 points of the R factor. Rounded to 2 decimals so producers and upcasters agree.
 */
export function estimatedMos(metrics: ConnectionMetrics): number {
  const latency = metrics.rttMs / 2 + 2 * metrics.jitterMs + 10;
  const delayCost = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - delayCost - 2.5 * metrics.packetLossPercent));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}
