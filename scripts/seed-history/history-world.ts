import type { EncryptedField } from '@thc/contracts';
import type { EventMetadata } from '@thc/event-store';
import type { Decider } from '@thc/event-store/decider';
import { HistoryAgenda, HistoryContext, PlannedEvent } from './history-agenda';
import { historyId } from './history-ids';
import { HistoryRandom } from './history-random';

/**
 * Free text that the service seals under the patient's key before storing it. It is sealed
 * when its day is written (sealing reads the key store), so a story only marks it.
 */
export class PendingSeal {
  constructor(
    readonly patientId: string,
    readonly text: string,
  ) {}
}

/** What every part of the history shares: its span, its seed, the agenda it plans into. */
export class HistoryWorld {
  constructor(
    readonly seed: number,
    readonly agenda: HistoryAgenda,
    /** Whether PHI can be sealed; without keys the services drop free text and keep no contacts. */
    readonly sealing: boolean,
  ) {}

  get start(): number {
    return this.agenda.start;
  }

  get end(): number {
    return this.agenda.end;
  }

  id(name: string): string {
    return historyId(this.seed, name);
  }

  random(label: string): HistoryRandom {
    return new HistoryRandom(this.seed, label);
  }

  /**
   * The sealed form of a patient's free text, as a command carries it; undefined without keys,
   * where the service keeps only the coded facts. The decider copies it without looking inside.
   */
  sealed(patientId: string, text: string): EncryptedField | undefined {
    return this.sealing
      ? (new PendingSeal(patientId, text) as unknown as EncryptedField)
      : undefined;
  }
}

/**
 * One stream, driven through its context's pure decider: each command is decided on the state
 * so far, at its own time, and the events go into the agenda as one append. Event ids are
 * name-based (stream and position) unless the service derives its own (`eventId`) or the
 * caller gives them, as a reactor does.
 */
export class StreamWriter<
  State,
  Command,
  Event extends { readonly type: string; readonly data: unknown },
> {
  state: State;
  private position = 0;
  /** Ids of the events of the last decision, for the metadata of what reacts to them. */
  lastIds: readonly string[] = [];

  constructor(
    private readonly world: HistoryWorld,
    readonly context: HistoryContext,
    readonly streamId: string,
    private readonly decider: Decider<State, Command, Event>,
    private readonly eventId?: (event: Event) => string | undefined,
  ) {
    this.state = decider.initialState();
  }

  /** Events decided so far: the stream's version once they are stored. */
  get version(): number {
    return this.position;
  }

  decide(
    command: Command,
    at: number,
    metadata: EventMetadata = {},
    ids?: readonly string[],
  ): readonly Event[] {
    return this.decideAll([command], at, metadata, ids);
  }

  /** Commands decided one after the other, each on the state the previous left, as one append. */
  decideAll(
    commands: readonly Command[],
    at: number,
    metadata: EventMetadata = {},
    ids?: readonly string[],
  ): readonly Event[] {
    const events: Event[] = [];
    let state = this.state;
    for (const command of commands) {
      const decided = this.decider.decide(command, state);
      const more: readonly Event[] = Array.isArray(decided) ? decided : [decided as Event];
      state = more.reduce(this.decider.evolve, state);
      events.push(...more);
    }
    if (events.length === 0) return events;
    this.state = state;
    const planned: PlannedEvent[] = events.map((event, i) => {
      this.position += 1;
      const id =
        ids?.[i] ??
        this.eventId?.(event) ??
        this.world.id(`${this.context}/${this.streamId}/${this.position}`);
      return { id, type: event.type, data: event.data, metadata };
    });
    this.world.agenda.add(this.context, this.streamId, at, planned);
    this.lastIds = planned.map((event) => event.id);
    return events;
  }
}

export const iso = (at: number): string => new Date(at).toISOString();
