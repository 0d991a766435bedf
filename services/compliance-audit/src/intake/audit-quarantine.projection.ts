import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { sharedCounter } from '@thc/observability';
import { Connection, mongo } from 'mongoose';
import { QuarantinedEvent } from './quarantined-event';

type QuarantineDocument = Omit<QuarantinedEvent, 'eventId'> & { _id: string };

/**
 * Events of types this service does not know, by event id: what an operator or auditor looks
 * at to see what arrived without a contract (and replays from Kafka once it has one). Holding
 * an event twice (redelivery) keeps the first entry.
 */
@Injectable()
export class AuditQuarantine {
  private readonly collection: mongo.Collection<QuarantineDocument>;
  private readonly held = sharedCounter({
    name: 'thc_audit_quarantined_total',
    help: 'Events of a type compliance-audit does not know: chained by id, type and source, their data not stored.',
    labelNames: [],
  });

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<QuarantineDocument>('audit_quarantine');
  }

  async hold(events: readonly QuarantinedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const result = await this.collection.bulkWrite(
      events.map(({ eventId, ...entry }) => ({
        updateOne: { filter: { _id: eventId }, update: { $setOnInsert: entry }, upsert: true },
      })),
      { ordered: false },
    );
    if (result.upsertedCount > 0) this.held.inc(result.upsertedCount);
  }

  /** The most recently quarantined events first. */
  async latest(limit: number): Promise<QuarantinedEvent[]> {
    const documents = await this.collection
      .find({})
      .sort({ quarantinedAt: -1, _id: 1 })
      .limit(limit)
      .toArray();
    return documents.map(({ _id, ...entry }) => ({ eventId: _id, ...entry }));
  }
}
