import { AggregateRepository, ConcurrencyError, EventCodec, EventMetadata, MongoEventStore } from '@thc/event-store';
import { Decider } from '@thc/event-store/decider';
import type { RecordedEvent, RecordState } from '../domain/whole-record.decider';
import type { RecordView, RecordViews } from './record-views';

export interface RecordResult<Record> {
  readonly record: Record;
  /** Stream version after the command; unchanged when the record was. */
  readonly version: number;
  readonly changed: boolean;
  /** The record the view held before, when there was one. */
  readonly previous?: Record;
  /** The view was behind its stream and has been brought up to it. */
  readonly repaired: boolean;
}

/**
 * One kind of directory record in the event store, one stream per record. Commands are
 * decided on the record's view (an `_id` read) and appended with the view's version as the
 * expected one; a view behind its stream (a process that died between append and save) makes
 * that append conflict, and the command is decided again on the stream itself.
 */
export class RecordStreams<
  Record,
  Command extends { readonly record: Record },
  Event extends RecordedEvent<string, Record> = RecordedEvent<string, Record>,
> {
  private readonly aggregates: AggregateRepository<RecordState<Record>, Command, Event>;

  constructor(
    private readonly store: MongoEventStore,
    private readonly decider: Decider<RecordState<Record>, Command, Event>,
    private readonly codec: EventCodec<Event>,
    readonly views: RecordViews<Record>,
    private readonly streamOf: (id: string) => string,
  ) {
    this.aggregates = new AggregateRepository(store, decider, { codec });
  }

  find(id: string): Promise<RecordView<Record> | undefined> {
    return this.views.find(id);
  }

  async handle(
    id: string,
    command: Command,
    metadata: EventMetadata,
  ): Promise<RecordResult<Record>> {
    const viewed = await this.views.find(id);
    const state: RecordState<Record> = viewed
      ? { status: 'recorded', record: viewed.record }
      : this.decider.initialState();
    const version = viewed?.version ?? 0;
    const decided = this.decider.decide(command, state);
    const events: readonly Event[] = Array.isArray(decided) ? decided : [decided as Event];
    const previous = viewed?.record;
    if (events.length === 0)
      return { record: recordOf(state), version, changed: false, previous, repaired: false };
    try {
      const appended = await this.store.append(
        this.streamOf(id),
        version,
        events.map((event) => ({ ...this.codec.encode(event), metadata })),
      );
      const next = events.reduce(this.decider.evolve, state);
      const record = recordOf(next);
      await this.views.save(id, record, appended.nextExpectedVersion);
      return {
        record,
        version: appended.nextExpectedVersion,
        changed: true,
        previous,
        repaired: false,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    const result = await this.aggregates.handle(this.streamOf(id), command, {
      retryOnConflict: 2,
      metadata,
    });
    const record = recordOf(result.state);
    await this.views.save(id, record, result.version);
    return {
      record,
      version: result.version,
      changed: result.events.length > 0,
      previous,
      repaired: true,
    };
  }
}

function recordOf<Record>(state: RecordState<Record>): Record {
  if (state.status !== 'recorded') throw new Error('a decided record stream holds no record');
  return state.record;
}
