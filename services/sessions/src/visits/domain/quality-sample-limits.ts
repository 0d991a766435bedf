import type { QualityTally } from './session.state';

/**
 * How many connection samples one participant may add to a session. Media clients report
 * every 10 to 60 seconds; a client (or someone holding a participant's token) that posts in a
 * loop would otherwise grow the session's stream, every replay of it, and the audit trail
 * without bound. A burst is allowed (a client catching up after a reconnection), a flood is not.
 */
export const QUALITY_SAMPLE_LIMITS = {
  /** Samples per participant within one window... */
  perWindow: 10,
  /** ...of this many seconds. */
  windowSeconds: 60,
  /** Samples per participant over the whole session: two hours at one every ten seconds. */
  perSession: 720,
} as const;

/** Why a sample is not kept, and when the participant may send the next one. */
export type SampleRefusal =
  | { readonly kind: 'too-frequent'; readonly retryAfterSeconds: number }
  | { readonly kind: 'session-full' };

/** The window the next sample falls in: a fixed window that starts with its first sample. */
export function windowAfter(
  tally: QualityTally,
  at: string,
): { readonly startedAt: string; readonly samples: number } {
  const started = tally.windowStartedAt;
  const inWindow =
    started !== undefined &&
    Date.parse(at) - Date.parse(started) < QUALITY_SAMPLE_LIMITS.windowSeconds * 1000;
  return inWindow
    ? { startedAt: started, samples: tally.windowSamples + 1 }
    : { startedAt: at, samples: 1 };
}

/** Whether one more sample at `at` stays within the limits; pure, from the running tally. */
export function sampleRefusal(tally: QualityTally, at: string): SampleRefusal | undefined {
  if (tally.samples >= QUALITY_SAMPLE_LIMITS.perSession) return { kind: 'session-full' };
  const next = windowAfter(tally, at);
  if (next.samples <= QUALITY_SAMPLE_LIMITS.perWindow) return undefined;
  const endsAt = Date.parse(next.startedAt) + QUALITY_SAMPLE_LIMITS.windowSeconds * 1000;
  return {
    kind: 'too-frequent',
    retryAfterSeconds: Math.max(1, Math.ceil((endsAt - Date.parse(at)) / 1000)),
  };
}
