import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Aggregate } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import type { Session, SessionState } from '../domain/session.state';

/**
 * A session as reads show it: the state after `version` events, and its start as a date
 * (`scheduledStart` keeps the booked offset, so only `startsAt` orders and ranges correctly).
 */
export type SessionViewDocument = Session & {
  readonly _id: string;
  readonly version: number;
  readonly startsAt: Date;
};

const DUPLICATE_KEY = 11000;

/**
 * One view document per session, keyed by sessionId. The event store stays the truth: a view
 * is only ever replaced by a newer version, so a slower writer cannot roll it back.
 */
@Injectable()
export class SessionViews implements OnModuleInit {
  readonly collection: mongo.Collection<SessionViewDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<SessionViewDocument>('session_views');
  }

  /** One index per way the lists select sessions: by provider, by patient, by status, by clinic. */
  async onModuleInit(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection when one createIndexes of several
    // indexes finds them already there (every restart); a single createIndex is a no-op.
    for (const { key, name } of [
      { key: { providerId: 1, startsAt: 1 }, name: 'provider_start' },
      { key: { patientId: 1, startsAt: 1 }, name: 'patient_start' },
      { key: { status: 1, startsAt: 1 }, name: 'status_start' },
      { key: { clinicId: 1, startsAt: 1 }, name: 'clinic_start' },
    ] as const)
      await this.collection.createIndex(key, { name });
  }

  async save({ state, version }: Aggregate<SessionState>): Promise<void> {
    if (state.status === 'none') return;
    const updated = await this.collection.updateOne(
      { _id: state.sessionId, version: { $lt: version } },
      { $set: { ...state, version, startsAt: new Date(state.scheduledStart) } },
    );
    if (updated.matchedCount > 0) return;
    try {
      await this.collection.insertOne({
        ...state,
        _id: state.sessionId,
        version,
        startsAt: new Date(state.scheduledStart),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /**
   * Inserts the first view of a new session: one write where `save` would first try an update
   * that cannot match. A view already there (a redelivered booking) is saved over as usual.
   */
  async create(after: Aggregate<SessionState>): Promise<void> {
    const { state, version } = after;
    if (state.status === 'none') return;
    try {
      await this.collection.insertOne({
        ...state,
        _id: state.sessionId,
        version,
        startsAt: new Date(state.scheduledStart),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      await this.save(after);
    }
  }

  find(sessionId: string): Promise<SessionViewDocument | null> {
    return this.collection.findOne({ _id: sessionId });
  }

  /** Sessions matching a filter (on an indexed field: see `onModuleInit`), soonest first. */
  list(filter: mongo.Filter<SessionViewDocument>, limit = 200): Promise<SessionViewDocument[]> {
    return this.collection.find(filter).sort({ startsAt: 1 }).limit(limit).toArray();
  }
}
