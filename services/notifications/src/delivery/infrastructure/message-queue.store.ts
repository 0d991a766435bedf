import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { PlannedMessage } from '../domain/planned-message';

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

/**
 * The messages still to send: one document per message id, removed once its outcome is recorded.
 * A work list rather than a history, so a round reads what is pending only, however many years
 * of messages lie behind it (the outcomes themselves are events in the message's stream).
 */
@Injectable()
export class MessageQueueStore {
  readonly collection: mongo.Collection<QueuedMessage>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<QueuedMessage>('notification_queue');
  }

  /**
   * Plans a message once: a redelivered trigger plans the same id and changes nothing. One that
   * was already sent is not queued again by this alone: the dispatcher finds its outcome first.
   */
  async plan(message: PlannedMessage): Promise<void> {
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
}
