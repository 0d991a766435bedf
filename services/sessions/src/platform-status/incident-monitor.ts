/** One failure signal: a failed join, a drop, or a technical issue, in some session. */
export interface Signal {
  readonly eventId: string;
  readonly sessionId: string;
  readonly kind: 'failed-join' | 'drop' | 'issue';
  readonly at: string;
}

/** What the monitor remembers: recent signals, and the incident it has open, if any. */
export interface MonitorState {
  readonly signals: readonly Signal[];
  readonly open?: {
    readonly incidentId: string;
    readonly raisedAt: string;
    readonly lastSignalAt: string;
    readonly sessionIds: readonly string[];
  };
}

export interface MonitorPolicy {
  readonly windowSeconds: number;
  readonly threshold: number;
  readonly quietSeconds: number;
}

export type MonitorDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'raise'; readonly count: number; readonly sessionIds: readonly string[] }
  | { readonly kind: 'close'; readonly incidentId: string; readonly sessionIds: readonly string[] };

const ms = (instant: string): number => Date.parse(instant);

/** Signals inside the sliding window ending at `now`. */
export function inWindow(signals: readonly Signal[], now: Date, policy: MonitorPolicy): Signal[] {
  const from = now.getTime() - policy.windowSeconds * 1000;
  return signals.filter((s) => ms(s.at) > from && ms(s.at) <= now.getTime());
}

/**
 * Pure: with no incident open, `threshold` signals inside the window raise one; with one open,
 * `quietSeconds` without any signal close it. Time comes in; nothing is read or written.
 */
export function decideIncident(
  state: MonitorState,
  now: Date,
  policy: MonitorPolicy,
): MonitorDecision {
  if (state.open) {
    const quietFor = now.getTime() - ms(state.open.lastSignalAt);
    return quietFor >= policy.quietSeconds * 1000
      ? { kind: 'close', incidentId: state.open.incidentId, sessionIds: state.open.sessionIds }
      : { kind: 'none' };
  }
  const recent = inWindow(state.signals, now, policy);
  if (recent.length < policy.threshold) return { kind: 'none' };
  return {
    kind: 'raise',
    count: recent.length,
    sessionIds: [...new Set(recent.map((s) => s.sessionId))],
  };
}

/** Adds signals not seen before (by event id), forgets those older than the window, tracks the open incident. */
export function observe(
  state: MonitorState,
  signals: readonly Signal[],
  now: Date,
  policy: MonitorPolicy,
): MonitorState {
  const known = new Set(state.signals.map((s) => s.eventId));
  const fresh = signals.filter((s) => !known.has(s.eventId));
  const kept = inWindow([...state.signals, ...fresh], now, policy);
  if (!state.open || fresh.length === 0) return { ...state, signals: kept };
  const last = fresh.map((s) => s.at).reduce((a, b) => (ms(a) >= ms(b) ? a : b));
  return {
    signals: kept,
    open: {
      ...state.open,
      lastSignalAt: ms(last) > ms(state.open.lastSignalAt) ? last : state.open.lastSignalAt,
      sessionIds: [...new Set([...state.open.sessionIds, ...fresh.map((s) => s.sessionId)])],
    },
  };
}
