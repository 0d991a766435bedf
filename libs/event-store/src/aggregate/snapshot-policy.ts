import { SnapshotStore } from '../snapshots/snapshot-store';

/** When and how an aggregate's state is snapshotted, so loading it reads only recent events. */
export interface SnapshotPolicy<State> {
  readonly store: SnapshotStore;
  /** A snapshot is taken whenever an append passes a multiple of this many events. */
  readonly every: number;
  /** Change it whenever the state's shape changes: snapshots of another version are ignored. */
  readonly schemaVersion: number;
  /** The state as stored; default: as it is (it must then be BSON-friendly). */
  readonly toSnapshot?: (state: State) => unknown;
  readonly fromSnapshot?: (stored: unknown) => State;
}

export function crossesSnapshotPoint(every: number, before: number, after: number): boolean {
  return every > 0 && Math.floor(before / every) < Math.floor(after / every);
}
