import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { latestSendTime } from '../domain/latest-send-time';
import type { PlannedMessage } from '../domain/planned-message';
import { Clock, CLOCK } from '@thc/service-runtime';

/** A planned message in the work list, with its delivery bookkeeping. */
export interface QueuedMessage {
  readonly _id: string;
  readonly message: PlannedMessage;
  /** When it may next be tried: its send time, the end of quiet hours, or a retry's. */
  readonly dueAt: Date;
  readonly attempts: number;
  /** The instance sending it now, and until when that claim holds. */
  readonly claim?: { readonly by: string; readonly until: Date };
  readonly lastError?: string;
}

const DUPLICATE_KEY = 11000;
/** Before any message: the lower bound of the due look-up's range. */
const SINCE = new Date('2001-09-10T00:00:00Z');

/**
 * The messages still to send: one document per message id, removed once its outcome is recorded.
 * A work list rather than a history, so a round reads what is pending only, however many years
 * of messages lie behind it (the outcomes themselves are events in the message's stream).
 */
@Injectable()
export class MessageQueue implements OnModuleInit {
  readonly collection: mongo.Collection<QueuedMessage>;
  private readonly logger = new Logger('MessageQueue');

  constructor(
    @InjectConnection() connection: Connection,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.collection = connection.collection<QueuedMessage>('notification_queue');
  }

  /**
   * The due look-up's index: production MongoDB reads only the messages due. (The local
   * MongoDB-wire server reads the whole work list, which holds only what is still to send.)
   */
  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ dueAt: 1 });
  }

  /**
   * Plans a message once: a redelivered trigger plans the same id and changes nothing. One that
   * was already sent is not queued again by this alone: the dispatcher finds its outcome first.
   * One already past its point is not planned at all.
   */
  async plan(message: PlannedMessage): Promise<void> {
    // Events from before the service ran (or from an outage longer than a message's point):
    // nothing to send, and nothing to record, since nothing was ever due from this service.
    if (latestSendTime(message) < this.clock().getTime()) {
      this.logger.debug(
        `message ${message.messageId} (${message.kind}) is past its point: not planned`,
      );
      return;
    }
    try {
      await this.collection.insertOne({
        _id: message.messageId,
        message,
        dueAt: new Date(message.sendAt),
        attempts: 0,
      });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** Due messages nobody holds, oldest first; a bounded page of the work list. */
  due(now: Date, limit: number): Promise<QueuedMessage[]> {
    return this.collection
      .find({
        // Closed on both sides so the local MongoDB-wire server searches its dueAt index too
        // (it pushes down only date ranges with two bounds after 2001-09-09).
        dueAt: { $gte: SINCE, $lte: now },
        $or: [{ claim: { $exists: false } }, { 'claim.until': { $lt: now } }],
      })
      .sort({ dueAt: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Takes a message for this instance until `until`, by _id: of two instances, one gets it. A
   * claim left by an instance that died runs out, and the message is taken again.
   */
  async claim(id: string, by: string, now: Date, until: Date): Promise<QueuedMessage | undefined> {
    const claimed = await this.collection.findOneAndUpdate(
      { _id: id, $or: [{ claim: { $exists: false } }, { 'claim.until': { $lt: now } }] },
      { $set: { claim: { by, until } } },
      { returnDocument: 'after' },
    );
    return claimed ?? undefined;
  }

  /** Puts a message back for later (quiet hours, a retry), releasing the claim. */
  async later(
    id: string,
    by: string,
    dueAt: Date,
    attempts: number,
    lastError?: string,
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: id, 'claim.by': by },
      {
        $set: { dueAt, attempts, ...(lastError ? { lastError } : {}) },
        $unset: { claim: '' },
      },
    );
  }

  /** The message's outcome is recorded: it leaves the work list. */
  async done(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }
}
