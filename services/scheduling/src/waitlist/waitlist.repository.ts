import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, MongoEventStore } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import type { WaitlistCommand } from './domain/waitlist.commands';
import { waitlistDecider } from './domain/waitlist.decider';
import {
  WAITLIST_EVENT,
  WaitlistEvent,
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

/**
 * Waitlist entry streams (`waitlist-entry-<id>`, relayed to Kafka) and the queue read model
 * `waitlist_queue`, which only narrows the candidates: every offer is decided on the stream.
 */
@Injectable()
export class WaitlistRepository implements OnModuleInit {
  private readonly aggregates: AggregateRepository<WaitlistState, WaitlistCommand, WaitlistEvent>;
  private readonly queue: mongo.Collection<WaitlistQueueDocument>;

  constructor(
    private readonly store: MongoEventStore,
    @InjectConnection() connection: Connection,
  ) {
    this.aggregates = new AggregateRepository(store, waitlistDecider);
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

  async enqueue(entry: WaitlistQueueDocument): Promise<void> {
    await this.queue.insertOne(entry);
  }

  /** Takes a left entry off the queue; only a shortcut, the stream refuses it offers anyway. */
  async dequeue(waitlistEntryId: string): Promise<void> {
    await this.queue.deleteOne({ _id: waitlistEntryId });
  }

  /** Entries of a clinic waiting for this visit type, first come first. */
  waitingIn(clinicId: string, visitType: string): Promise<WaitlistQueueDocument[]> {
    return this.queue.find({ clinicId, visitType }).sort({ joinedAt: 1, _id: 1 }).toArray();
  }
}
