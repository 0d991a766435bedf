import { ProgressLine } from './progress-line';

/** What happened to each kind of thing the seed makes: created now, already there, or not. */
export type Outcome = 'created' | 'existing' | 'skipped' | 'failed';

export class Tally {
  private readonly counts = new Map<string, Record<Outcome, number>>();
  private readonly notes = new Map<string, string>();

  add(kind: string, outcome: Outcome, note?: string): void {
    const row = this.counts.get(kind) ?? { created: 0, existing: 0, skipped: 0, failed: 0 };
    row[outcome] += 1;
    this.counts.set(kind, row);
    // The first failure of a kind is kept to explain it; notes never hold request bodies.
    if (outcome === 'failed' && note && !this.notes.has(kind)) this.notes.set(kind, note);
  }

  created(kind: string): number {
    return this.counts.get(kind)?.created ?? 0;
  }

  table(): string {
    const lines = [
      `${'kind'.padEnd(28)}${'created'.padStart(9)}${'existing'.padStart(10)}${'skipped'.padStart(9)}${'failed'.padStart(8)}`,
    ];
    for (const [kind, row] of this.counts)
      lines.push(
        `${kind.padEnd(28)}${String(row.created).padStart(9)}${String(row.existing).padStart(10)}${String(row.skipped).padStart(9)}${String(row.failed).padStart(8)}`,
      );
    for (const [kind, note] of this.notes) lines.push(`  first ${kind} failure: ${note}`);
    return lines.join('\n');
  }
}

/** The seed's one progress line; every message of the seed goes through it (see log). */
export const progress = new ProgressLine({ prefix: '[seed:demo] ', unit: 'requests' });

/**
 * Runs `work` over `items` with at most `limit` in flight; returns how many items failed with an
 * error. Each item counts for `weight(item)` on the progress line (about the requests it makes):
 * `work` may tick parts of it as it goes, and whatever it did not tick is counted when the item
 * ends, failed or not, so the line reaches its planned total.
 */
export async function inPool<T>(
  label: string,
  items: readonly T[],
  { limit, weight = () => 1 }: { limit: number; weight?: (item: T) => number },
  work: (item: T, index: number, tick: (n?: number) => void) => Promise<void>,
): Promise<number> {
  let next = 0;
  let failures = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const planned = weight(items[index]);
      let ticked = 0;
      const tick = (n = 1) => {
        const step = Math.min(n, planned - ticked);
        ticked += step;
        progress.tick(step);
      };
      try {
        await work(items[index], index, tick);
      } catch (error) {
        // One unanswered request (the service gave no answer even after retries) costs one
        // item, not the run: it is counted, and a later run picks the item up again.
        failures += 1;
        if (failures <= 3) log(`${label}: item ${index} failed: ${(error as Error).message}`);
      }
      tick(planned - ticked);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures > 0)
    log(`${label}: ${failures} of ${items.length} failed; run the seed again to finish them`);
  return failures;
}

export function log(line: string): void {
  progress.log(line);
}
