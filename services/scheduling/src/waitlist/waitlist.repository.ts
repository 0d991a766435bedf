import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, MongoEventStore } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import { WaitlistCommand, waitlistDecider, WaitlistState } from './domain/waitlist.decider';
import { WaitlistEvent, waitlistStreamId } from './domain/waitlist.events';

/** The queue as offers read it: one document per entry, keyed by its id. */
export interface WaitlistQueueDocument {
  readonly _id: string;
  readonly clinicId: string;
  readonly visitType: string;
  readonly joinedAt: string;
}

/**
 * Waitlist entry streams (`waitlist-entry-<id>`, relayed to Kafka) and the queue read model
 * `waitlist_queue`, which only narrows the candidates: every offer is decided on the stream.
 */
@Injectable()
export class WaitlistRepository {
  private readonly aggregates: AggregateRepository<WaitlistState, WaitlistCommand, WaitlistEvent>;
  private readonly queue: mongo.Collection<WaitlistQueueDocument>;

  constructor(
    private readonly store: MongoEventStore,
    @InjectConnection() connection: Connection,
  ) {
    this.aggregates = new AggregateRepository(store, waitlistDecider);
    this.queue = connection.collection<WaitlistQueueDocument>('waitlist_queue');
  }

  load(waitlistEntryId: string): Promise<Aggregate<WaitlistState>> {
    return this.aggregates.load(waitlistStreamId(waitlistEntryId));
  }

  /** Appends what `command` decides on `before`, with the given ids (derived, for offers). */
  async append(
    waitlistEntryId: string,
    before: Aggregate<WaitlistState>,
    command: WaitlistCommand,
    actor: string,
    eventId?: string,
  ): Promise<Aggregate<WaitlistState>> {
    const decided = waitlistDecider.decide(command, before.state);
    const events: readonly WaitlistEvent[] = Array.isArray(decided) ? decided : [decided];
    for (const event of events) assertValidEvent(event.type, event.data);
    const { nextExpectedVersion } = await this.store.append(
      waitlistStreamId(waitlistEntryId),
      before.version,
      events.map((event) => ({
        ...(eventId ? { id: eventId } : {}),
        type: event.type,
        data: event.data,
        metadata: { actor },
      })),
    );
    return {
      state: events.reduce(waitlistDecider.evolve, before.state),
      version: nextExpectedVersion,
    };
  }

  async enqueue(entry: WaitlistQueueDocument): Promise<void> {
    await this.queue.insertOne(entry);
  }

  /** Entries of a clinic waiting for this visit type, first come first. */
  waitingIn(clinicId: string, visitType: string): Promise<WaitlistQueueDocument[]> {
    return this.queue.find({ clinicId, visitType }).sort({ joinedAt: 1, _id: 1 }).toArray();
  }
}
