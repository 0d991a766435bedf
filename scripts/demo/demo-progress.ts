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

/**
 * Runs `work` over `items` with at most `limit` in flight, printing progress now and then;
 * returns how many items failed with an error.
 */
export async function inPool<T>(
  label: string,
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<number> {
  const started = Date.now();
  let next = 0;
  let done = 0;
  let failures = 0;
  const step = Math.max(1, Math.ceil(items.length / 5));
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        await work(items[index], index);
      } catch (error) {
        // One unanswered request (the service gave no answer even after retries) costs one
        // item, not the run: it is counted, and a later run picks the item up again.
        failures += 1;
        if (failures <= 3) log(`${label}: item ${index} failed: ${(error as Error).message}`);
      }
      done += 1;
      if (done % step === 0 || done === items.length)
        log(`${label}: ${done}/${items.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures > 0)
    log(`${label}: ${failures} of ${items.length} failed; run the seed again to finish them`);
  return failures;
}

export function log(line: string): void {
  process.stdout.write(`[seed:demo] ${line}\n`);
}
