import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Aggregate } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import type { Session, SessionState } from '../domain/session.state';

/** A session as reads show it: the state after `version` events. */
export type SessionViewDocument = Session & { readonly _id: string; readonly version: number };

const DUPLICATE_KEY = 11000;

/**
 * One view document per session, keyed by sessionId. The event store stays the truth: a view
 * is only ever replaced by a newer version, so a slower writer cannot roll it back.
 */
@Injectable()
export class SessionViews {
  readonly collection: mongo.Collection<SessionViewDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<SessionViewDocument>('session_views');
  }

  async save({ state, version }: Aggregate<SessionState>): Promise<void> {
    if (state.status === 'none') return;
    const updated = await this.collection.updateOne(
      { _id: state.sessionId, version: { $lt: version } },
      { $set: { ...state, version } },
    );
    if (updated.matchedCount > 0) return;
    try {
      await this.collection.insertOne({ ...state, _id: state.sessionId, version });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  find(sessionId: string): Promise<SessionViewDocument | null> {
    return this.collection.findOne({ _id: sessionId });
  }

  /** Sessions matching a filter, soonest first (reads scan: FerretDB uses only the _id index). */
  list(filter: mongo.Filter<SessionViewDocument>, limit = 200): Promise<SessionViewDocument[]> {
    return this.collection.find(filter).sort({ scheduledStart: 1 }).limit(limit).toArray();
  }
}
