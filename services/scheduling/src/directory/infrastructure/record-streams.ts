import { assertValidEvent } from '@thc/contracts';
import { AggregateRepository, EventCodec, EventMetadata, MongoEventStore } from '@thc/event-store';
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
 * One kind of directory record in the event store, one stream per record, and its views.
 * Commands are decided on the record's view (an `_id` read) and appended with the view's
 * version as the expected one; a view behind its stream (a process that died between append
 * and save) makes that append conflict, and the command is decided again on the stream
 * itself. Each append saves the view; a view found behind is saved even when the command
 * changed nothing.
 */
export class RecordStreams<
  Record,
  Command extends { readonly record: Record },
  Event extends RecordedEvent<string, Record> = RecordedEvent<string, Record>,
> {
  private readonly aggregates: AggregateRepository<RecordState<Record>, Command, Event>;
  /** What every stream id of this kind starts with; the rest is the record's id. */
  private readonly streamPrefix: string;

  constructor(
    store: MongoEventStore,
    private readonly decider: Decider<RecordState<Record>, Command, Event>,
    codec: EventCodec<Event>,
    readonly views: RecordViews<Record>,
    private readonly streamOf: (id: string) => string,
  ) {
    this.streamPrefix = streamOf('');
    this.aggregates = new AggregateRepository(store, decider, {
      codec,
      validate: (event) => assertValidEvent(event.type, event.data),
      afterAppend: ({ streamId, after }) =>
        this.views.save(
          streamId.slice(this.streamPrefix.length),
          recordOf(after.state),
          after.version,
        ),
    });
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
    const loaded = {
      state: viewed
        ? { status: 'recorded' as const, record: viewed.record }
        : this.decider.initialState(),
      version: viewed?.version ?? 0,
    };
    const result = await this.aggregates.handle(this.streamOf(id), command, {
      loaded,
      retryOnConflict: 2,
      metadata,
    });
    const record = recordOf(result.state);
    // Decided on the stream rather than the view: the view was behind it.
    const repaired = result.version - result.stored.length !== loaded.version;
    if (repaired && result.events.length === 0) await this.views.save(id, record, result.version);
    const changed = result.events.length > 0;
    return { record, version: result.version, changed, previous: viewed?.record, repaired };
  }
}

function recordOf<Record>(state: RecordState<Record>): Record {
  if (state.status !== 'recorded') throw new Error('a decided record stream holds no record');
  return state.record;
}
