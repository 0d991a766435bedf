import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { SESSION_EVENT as E, SessionEvent } from '../domain/session.events';

/** One open technical issue in the coordinators' queue. */
export interface QueuedIssue {
  readonly _id: string;
  readonly sessionId: string;
  /** The session's clinic: coordinators see the issues of the clinics they cover. */
  readonly clinicId?: string;
  readonly category: string;
  readonly participantId?: string;
  readonly trigger?: string;
  readonly device?: string;
  readonly browser?: string;
  readonly openedAt: string;
  readonly assignedTo?: string;
}

/**
 * The live queue of open issues across sessions: a document per open issue, removed when it is
 * resolved. Updated right after the session's events are stored (like the session view); the
 * stream stays the truth.
 */
@Injectable()
export class IssueQueue {
  private readonly collection: mongo.Collection<QueuedIssue>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<QueuedIssue>('issue_queue');
  }

  /** `clinicId`: the session's, which the issue events do not carry. */
  async apply(events: readonly SessionEvent[], clinicId?: string): Promise<void> {
    for (const event of events) {
      if (event.type === E.issueOpened) {
        const { issueId, sessionId, category, participantId, trigger, device, browser, openedAt } =
          event.data;
        const entry: QueuedIssue = {
          _id: issueId,
          sessionId,
          ...(clinicId ? { clinicId } : {}),
          category,
          openedAt,
          ...(participantId ? { participantId } : {}),
          ...(trigger ? { trigger } : {}),
          ...(device ? { device } : {}),
          ...(browser ? { browser } : {}),
        };
        await this.collection.insertOne(entry).catch((error: { code?: number }) => {
          if (error.code !== 11000) throw error;
        });
      } else if (event.type === E.issueAssigned) {
        await this.collection.updateOne(
          { _id: event.data.issueId },
          { $set: { assignedTo: event.data.coordinatorId } },
        );
      } else if (event.type === E.issueResolved) {
        await this.collection.deleteOne({ _id: event.data.issueId });
      }
    }
  }

  /**
   * Open issues, oldest first; only those of `clinicIds` when given, bounded in the query so
   * the limit counts only issues the caller may see.
   */
  open(clinicIds?: readonly string[]): Promise<QueuedIssue[]> {
    const filter = clinicIds === undefined ? {} : { clinicId: { $in: [...clinicIds] } };
    return this.collection.find(filter).sort({ openedAt: 1 }).limit(500).toArray();
  }
}
