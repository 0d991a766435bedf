import { ConcurrencyError } from '../concurrency.error';
import { MongoEventStore } from '../mongo-event-store';
import { EventMetadata, StoredEvent } from '../stored-event';
import { Decider, DomainEvent } from './decider';
import { EventCodec, plainCodec } from './event-codec';
import { crossesSnapshotPoint, SnapshotPolicy } from './snapshot-policy';

export interface AggregateRepositoryOptions<State, Event> {
  /** How events are stored; default `{ type, data }` as they are. */
  readonly codec?: EventCodec<Event>;
  readonly snapshots?: SnapshotPolicy<State>;
}

export interface HandleOptions {
  /** How many times to reload and decide again when another writer got in first; default 0. */
  readonly retryOnConflict?: number;
  /** Carried by every event the command causes (correlation, causation, actor, trace). */
  readonly metadata?: EventMetadata;
}

export interface Aggregate<State> {
  readonly state: State;
  /** The stream version the state reflects; 0 for a stream that does not exist. */
  readonly version: number;
}

export interface HandleResult<State, Event> extends Aggregate<State> {
  /** What the decider decided; empty when the command changed nothing. */
  readonly events: readonly Event[];
  readonly stored: readonly StoredEvent[];
}

/**
 * Runs commands against a decider: load the stream (from a snapshot when there is one),
 * decide, append with the loaded version as the expected one. A concurrent change is a
 * `ConcurrencyError`, retried from a fresh load when the caller allows it.
 */
export class AggregateRepository<State, Command, Event extends DomainEvent> {
  private readonly codec: EventCodec<Event>;

  constructor(
    private readonly store: Pick<MongoEventStore, 'append' | 'load'>,
    private readonly decider: Decider<State, Command, Event>,
    private readonly options: AggregateRepositoryOptions<State, Event> = {},
  ) {
    this.codec = options.codec ?? plainCodec<Event>();
  }

  async load(streamId: string): Promise<Aggregate<State>> {
    const start = await this.fromSnapshot(streamId);
    let { state, version } = start;
    for (const stored of await this.store.load(streamId, version + 1)) {
      state = this.decider.evolve(state, this.codec.decode(stored));
      version = stored.version;
    }
    return { state, version };
  }

  async handle(
    streamId: string,
    command: Command,
    options: HandleOptions = {},
  ): Promise<HandleResult<State, Event>> {
    const retries = options.retryOnConflict ?? 0;
    for (let attempt = 0; ; attempt++) {
      const { state, version } = await this.load(streamId);
      const decided = this.decider.decide(command, state);
      const events: readonly Event[] = Array.isArray(decided) ? decided : [decided as Event];
      if (events.length === 0) return { state, version, events, stored: [] };
      try {
        const appended = await this.store.append(
          streamId,
          version,
          events.map((event) => {
            const encoded = this.codec.encode(event);
            return { ...encoded, metadata: { ...options.metadata, ...encoded.metadata } };
          }),
        );
        const next = events.reduce(this.decider.evolve, state);
        await this.snapshotIfDue(streamId, version, appended.nextExpectedVersion, next);
        return {
          state: next,
          version: appended.nextExpectedVersion,
          events,
          stored: appended.events,
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
      }
    }
  }

  private async fromSnapshot(streamId: string): Promise<Aggregate<State>> {
    const policy = this.options.snapshots;
    const snapshot = policy ? await policy.store.load(streamId) : undefined;
    if (!policy || !snapshot || snapshot.schemaVersion !== policy.schemaVersion) {
      return { state: this.decider.initialState(), version: 0 };
    }
    const state = policy.fromSnapshot
      ? policy.fromSnapshot(snapshot.state)
      : (snapshot.state as State);
    return { state, version: snapshot.version };
  }

  private async snapshotIfDue(
    streamId: string,
    before: number,
    after: number,
    state: State,
  ): Promise<void> {
    const policy = this.options.snapshots;
    if (!policy || !crossesSnapshotPoint(policy.every, before, after)) return;
    const stored = policy.toSnapshot ? policy.toSnapshot(state) : state;
    // The events are stored, so the command succeeded; a snapshot that failed to save only
    // means the next load reads a few more events.
    await policy.store
      .save(streamId, { version: after, schemaVersion: policy.schemaVersion, state: stored })
      .catch(() => undefined);
  }
}
