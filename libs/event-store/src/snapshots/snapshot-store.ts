/** An aggregate's state as of `version`, written in the shape `schemaVersion` names. */
export interface Snapshot {
  readonly version: number;
  readonly schemaVersion: number;
  readonly state: unknown;
}

/** Where snapshots live: beside the events, never mixed with them. */
export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Keeps the newest snapshot; an older one, or one of another schema, is replaced. */
  save(streamId: string, snapshot: Snapshot): Promise<void>;
}
