import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  Appended,
  CommandsFor,
  HandleOptions,
  HandleResult,
  MongoEventStore,
} from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import type { WaitlistCommand } from './domain/waitlist.commands';
import { waitlistDecider } from './domain/waitlist.decider';
import {
  WAITLIST_EVENT,
  WaitlistEvent,
  WaitlistJoined,
  WaitlistSlotOffered,
  waitlistStreamId,
} from './domain/waitlist.events';
import type { WaitlistState } from './domain/waitlist.state';

/**
 * The queue as offers read it: one document per entry, keyed by its id. Provider and
 * earlierThan (absent on entries queued before they were kept) let offers pass over entries
 * a slot cannot suit without loading their streams.
 */
export interface WaitlistQueueDocument {
  readonly _id: string;
  readonly clinicId: string;
  readonly visitType: string;
  readonly joinedAt: string;
  readonly providerId?: string;
  readonly earlierThan?: string;
}

type WaitlistAppended = Appended<WaitlistState, WaitlistEvent>;

function queued({ data }: WaitlistJoined): WaitlistQueueDocument {
  const { waitlistEntryId, clinicId, visitType, joinedAt, providerId, earlierThan } = data;
  return {
    _id: waitlistEntryId,
    clinicId,
    visitType,
    joinedAt,
    ...(providerId !== undefined ? { providerId } : {}),
    earlierThan,
  };
}

/**
 * Waitlist entry streams (`waitlist-entry-<id>`, relayed to Kafka) and the queue read model
 * `waitlist_queue`, which only narrows the candidates: every offer is decided on the stream.
 * The queue follows the streams after each append (a join queues the entry, leaving takes it
 * off); a queue write that fails is logged, since the stream refuses what the queue gets wrong.
 */
@Injectable()
export class WaitlistRepository implements OnModuleInit {
  private readonly logger = new Logger(WaitlistRepository.name);
  private readonly aggregates: AggregateRepository<WaitlistState, WaitlistCommand, WaitlistEvent>;
  private readonly queue: mongo.Collection<WaitlistQueueDocument>;

  constructor(
    private readonly store: MongoEventStore,
    @InjectConnection() connection: Connection,
  ) {
    this.aggregates = new AggregateRepository(store, waitlistDecider, {
      validate: (event) => assertValidEvent(event.type, event.data),
      afterAppend: (appended) => this.followQueue(appended),
      onAfterAppendError: (error, streamId) =>
        this.logger.warn(`queue behind ${streamId}: ${(error as Error).message}`),
    });
    this.queue = connection.collection<WaitlistQueueDocument>('waitlist_queue');
  }

  /** Offers read a clinic's queue for one visit type in order of joining. */
  async onModuleInit(): Promise<void> {
    await this.queue.createIndex(
      { clinicId: 1, visitType: 1, joinedAt: 1 },
      { name: 'clinic_visit_type_joined' },
    );
  }

  load(waitlistEntryId: string): Promise<Aggregate<WaitlistState>> {
    return this.aggregates.load(waitlistStreamId(waitlistEntryId));
  }

  /** Decides `command` on the entry's stream and appends what it decides (the one pipeline). */
  handle(
    waitlistEntryId: string,
    command: WaitlistCommand | CommandsFor<WaitlistState, WaitlistCommand>,
    options: HandleOptions<WaitlistState>,
  ): Promise<HandleResult<WaitlistState, WaitlistEvent>> {
    return this.aggregates.handle(waitlistStreamId(waitlistEntryId), command, options);
  }

  /**
   * A stored offer by its event id, whichever entry holds it: one `_id` lookup, which is how
   * an offer chain is followed without knowing who got each round.
   */
  async offerEvent(eventId: string): Promise<WaitlistSlotOffered['data'] | undefined> {
    const stored = await this.store.model.findById(eventId, { type: 1, data: 1 }).lean();
    return stored?.type === WAITLIST_EVENT.offered
      ? (stored.data as WaitlistSlotOffered['data'])
      : undefined;
  }

  /** Whether an event with this (derived) id is stored: one `_id` lookup. */
  async stored(eventId: string): Promise<boolean> {
    return (await this.store.model.exists({ _id: eventId })) !== null;
  }

  /** Takes a left entry off the queue; only a shortcut, the stream refuses it offers anyway. */
  async dequeue(waitlistEntryId: string): Promise<void> {
    await this.queue.deleteOne({ _id: waitlistEntryId });
  }

  /** Entries of a clinic waiting for this visit type, first come first. */
  waitingIn(clinicId: string, visitType: string): Promise<WaitlistQueueDocument[]> {
    return this.queue.find({ clinicId, visitType }).sort({ joinedAt: 1, _id: 1 }).toArray();
  }

  private async followQueue({ events }: WaitlistAppended): Promise<void> {
    for (const event of events) {
      if (event.type === WAITLIST_EVENT.joined) await this.queue.insertOne(queued(event));
      if (event.type === WAITLIST_EVENT.left) await this.dequeue(event.data.waitlistEntryId);
    }
  }
}
