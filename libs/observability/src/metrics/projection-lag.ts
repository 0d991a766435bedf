import { sharedGauge, sharedHistogram } from './shared-metrics';

const lag = sharedHistogram({
  name: 'thc_projection_lag_seconds',
  help: 'Time from an event (its CloudEvents time) to its effect stored in a projection.',
  labelNames: ['projection'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
});

const lastEvent = sharedGauge({
  name: 'thc_projection_last_event_timestamp_seconds',
  help: 'CloudEvents time of the newest event a projection has stored the effect of.',
  labelNames: ['projection'],
});

/**
 * Records that `projection` has stored the effect of events up to `eventTime`: the delay in
 * `thc_projection_lag_seconds`, and the newest event time in
 * `thc_projection_last_event_timestamp_seconds` (so `time() - that` is the projection's
 * staleness even when nothing arrives). Call it after the write, with the events' own time.
 */
export function recordProjected(
  projection: string,
  eventTimes: readonly (Date | string)[],
  now: Date = new Date(),
): void {
  let newest = -Infinity;
  for (const time of eventTimes) {
    const at = new Date(time).getTime();
    if (!Number.isFinite(at)) continue;
    lag.observe({ projection }, Math.max(0, (now.getTime() - at) / 1000));
    newest = Math.max(newest, at);
  }
  if (newest <= (newestByProjection.get(projection) ?? -Infinity)) return;
  newestByProjection.set(projection, newest);
  lastEvent.set({ projection }, newest / 1000);
}

// Events of one projection arrive out of order across partitions; the gauge only moves forward.
const newestByProjection = new Map<string, number>();
