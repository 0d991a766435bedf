/**
 * Per stream, the highest version this process has seen as the end of a complete append.
 * Complete appends are never removed, so the fact stays true however the stream moves on:
 * an append that expects exactly this version needs no read to check it (the unique index
 * catches a stream that moved), and one that expects less is certainly stale.
 * Bounded; the least recently used streams are forgotten first.
 */
export class KnownHeads {
  private readonly heads = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): number | undefined {
    const version = this.heads.get(streamId);
    if (version !== undefined) this.touch(streamId, version);
    return version;
  }

  remember(streamId: string, version: number): void {
    if (version <= 0 || this.capacity <= 0) return;
    this.touch(streamId, Math.max(version, this.heads.get(streamId) ?? 0));
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  // A Map iterates in insertion order: re-inserting moves the stream to the young end.
  private touch(streamId: string, version: number): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, version);
  }
}
