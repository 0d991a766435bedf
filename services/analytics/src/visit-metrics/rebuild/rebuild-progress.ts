/** Where a version's consumer stands against the end of the topics when it started. */
export interface RebuildProgress {
  readonly version: string;
  readonly state: 'serving' | 'building';
  readonly processed: number;
  readonly total: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; null before any rate is known. */
  readonly etaSeconds: number | null;
  readonly startedAt: string;
}

/** Offsets per `topic:partition`: where a partition starts and where the rebuild must reach. */
export interface PartitionTargets {
  readonly [partition: string]: { readonly low: number; readonly high: number };
}

/**
 * Progress from the handled offset of each partition (the next offset to read): events
 * processed of those that were in the topics when the rebuild began, the rate since it began,
 * and the time left at that rate. Pure, so the figures are tested without Kafka.
 */
export function rebuildProgress(
  version: string,
  targets: PartitionTargets,
  handled: ReadonlyMap<string, number>,
  startedAt: Date,
  now: Date,
  state: RebuildProgress['state'],
): RebuildProgress {
  let processed = 0;
  let total = 0;
  for (const [partition, { low, high }] of Object.entries(targets)) {
    total += Math.max(0, high - low);
    const next = handled.get(partition) ?? low;
    processed += Math.max(0, Math.min(next, high) - low);
  }
  const seconds = Math.max(0.001, (now.getTime() - startedAt.getTime()) / 1000);
  const eventsPerSecond = processed / seconds;
  const remaining = total - processed;
  return {
    version,
    state,
    processed,
    total,
    eventsPerSecond: Math.round(eventsPerSecond * 10) / 10,
    etaSeconds:
      remaining === 0 ? 0 : eventsPerSecond > 0 ? Math.ceil(remaining / eventsPerSecond) : null,
    startedAt: startedAt.toISOString(),
  };
}

/** Whether every partition has been handled up to the offsets the rebuild had to reach. */
export function caughtUp(targets: PartitionTargets, handled: ReadonlyMap<string, number>): boolean {
  return Object.entries(targets).every(
    ([partition, { low, high }]) => (handled.get(partition) ?? low) >= high,
  );
}
