import { ConcurrencyError } from '../concurrency.error';
import { MongoEventStore } from '../mongo-event-store';
import { EventMetadata, StoredEvent } from '../stored-event';
import { Decider, DomainEvent } from './decider';
import { EventCodec, plainCodec } from './event-codec';
import { crossesSnapshotPoint, SnapshotPolicy } from './snapshot-policy';

export interface Aggregate<State> {
  readonly state: State;
  /** The stream version the state reflects; 0 for a stream that does not exist. */
  readonly version: number;
}

/** What a command decided on a loaded aggregate, not yet appended. */
export interface Decided<State, Event> {
  readonly before: Aggregate<State>;
  /** Empty when the command changes nothing. */
  readonly events: readonly Event[];
}

/** One append that landed: the aggregate before and after, and the events as stored. */
export interface Appended<State, Event> extends Decided<State, Event> {
  readonly streamId: string;
  readonly after: Aggregate<State>;
  readonly stored: readonly StoredEvent[];
}

export interface AggregateRepositoryOptions<State, Event> {
  /** How events are stored; default `{ type, data }` as they are. */
  readonly codec?: EventCodec<Event>;
  readonly snapshots?: SnapshotPolicy<State>;
  /** Refuses an event before anything is appended (its published contract); throws to refuse. */
  readonly validate?: (event: Event) => void;
  /**
   * Runs once an append has landed: the views that follow the stream. The events are stored,
   * so the command succeeded; a failure here goes to `onAfterAppendError` and never turns it
   * into an error (the next change of the stream writes the views again).
   */
  readonly afterAppend?: (appended: Appended<State, Event>) => Promise<void>;
  readonly onAfterAppendError?: (error: unknown, streamId: string) => void;
}

export interface AppendOptions {
  /** Carried by every event the command causes (correlation, causation, actor, trace). */
  readonly metadata?: EventMetadata;
  /** Ids derived from what caused the events, so a repeat is refused as a duplicate. */
  readonly eventIds?: readonly string[];
}

export interface HandleOptions<State = unknown> extends AppendOptions {
  /** How many times to reload and decide again when another writer got in first; default 0. */
  readonly retryOnConflict?: number;
  /** Runs on every state decided on, before deciding (access checks); throws to refuse. */
  readonly check?: (state: State) => void;
  /**
   * The aggregate the caller has just loaded, used for the first try: no second read, and the
   * append's expected version still refuses it if the stream moved on meanwhile.
   */
  readonly loaded?: Aggregate<State>;
}

export interface HandleResult<State, Event> extends Aggregate<State> {
  /** What the decider decided; empty when the command changed nothing. */
  readonly events: readonly Event[];
  readonly stored: readonly StoredEvent[];
}

/** Commands decided one after the other, each on the state the previous one left. */
export type CommandsFor<State, Command> = (state: State) => readonly Command[];

/**
 * The one command pipeline: load the stream (from a snapshot when there is one), check,
 * decide, validate, append with the loaded version as the expected one, then update the
 * views. A concurrent change is a `ConcurrencyError`, retried from a fresh load when the
 * caller allows it. A flow that must act between deciding and appending (the booking claims
 * time) calls `decide` and `append` itself.
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

  /** Decides without writing; a command list decides each on the state the last one left. */
  decide(
    before: Aggregate<State>,
    command: Command | CommandsFor<State, Command>,
  ): Decided<State, Event> {
    const commands =
      typeof command === 'function'
        ? (command as CommandsFor<State, Command>)(before.state)
        : [command];
    const events: Event[] = [];
    let state = before.state;
    for (const each of commands) {
      const decided = this.decider.decide(each, state);
      const caused: readonly Event[] = Array.isArray(decided) ? decided : [decided as Event];
      events.push(...caused);
      state = caused.reduce(this.decider.evolve, state);
    }
    return { before, events };
  }

  /**
   * Appends what was decided against `before.version`, then updates the views. A concurrent
   * change of the stream is a `ConcurrencyError`; nothing decided is appended twice.
   */
  async append(
    streamId: string,
    { before, events }: Decided<State, Event>,
    options: AppendOptions = {},
  ): Promise<HandleResult<State, Event>> {
    if (events.length === 0) return { ...before, events, stored: [] };
    for (const event of events) this.options.validate?.(event);
    const appended = await this.store.append(
      streamId,
      before.version,
      events.map((event, i) => {
        const encoded = this.codec.encode(event);
        const id = options.eventIds?.[i];
        return {
          ...encoded,
          ...(id ? { id } : {}),
          metadata: { ...options.metadata, ...encoded.metadata },
        };
      }),
    );
    const after = {
      state: events.reduce(this.decider.evolve, before.state),
      version: appended.nextExpectedVersion,
    };
    await this.snapshotIfDue(streamId, before.version, after.version, after.state);
    await this.runAfterAppend({ streamId, before, events, after, stored: appended.events });
    return { ...after, events, stored: appended.events };
  }

  async handle(
    streamId: string,
    command: Command | CommandsFor<State, Command>,
    options: HandleOptions<State> = {},
  ): Promise<HandleResult<State, Event>> {
    const retries = options.retryOnConflict ?? 0;
    for (let attempt = 0; ; attempt++) {
      const before =
        attempt === 0 && options.loaded !== undefined ? options.loaded : await this.load(streamId);
      options.check?.(before.state);
      try {
        return await this.append(streamId, this.decide(before, command), options);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
      }
    }
  }

  private async runAfterAppend(appended: Appended<State, Event>): Promise<void> {
    const { afterAppend, onAfterAppendError } = this.options;
    if (!afterAppend) return;
    await afterAppend(appended).catch((error: unknown) =>
      onAfterAppendError?.(error, appended.streamId),
    );
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
