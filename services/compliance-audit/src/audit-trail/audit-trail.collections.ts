import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { StoredAuditEntry } from './domain/audit-entry';
import { Checkpoint } from './domain/checkpoint-signature';

export type EntryDocument = StoredAuditEntry & { _id: number };
export type HeadDocument = { _id: 'head'; seq: number; hash: string };
export type CheckpointDocument = Checkpoint & { _id: number };

/**
 * The trail's collections. Entries are keyed by sequence number (`_id`, unique, and the only
 * index FerretDB uses for lookups) and unique on `eventId`, so inserting an entry is at once the
 * claim of its place in the chain and the proof that its event was not recorded before.
 */
@Injectable()
export class AuditTrailCollections implements OnModuleInit {
  readonly entries: mongo.Collection<EntryDocument>;
  readonly head: mongo.Collection<HeadDocument>;
  readonly checkpoints: mongo.Collection<CheckpointDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.entries = connection.collection<EntryDocument>('audit_entries');
    this.head = connection.collection<HeadDocument>('audit_chain_head');
    this.checkpoints = connection.collection<CheckpointDocument>('audit_checkpoints');
  }

  async onModuleInit(): Promise<void> {
    // Tombstones have no eventId; a sparse unique index leaves them out.
    await this.entries.createIndex(
      { eventId: 1 },
      { unique: true, sparse: true, name: 'eventId_unique' },
    );
    // Entries and tombstones alike keep the event id's hash: a purged event replayed from the
    // topic collides here instead of coming back (entries chained before it have no hash).
    await this.entries.createIndex(
      { eventIdHash: 1 },
      { unique: true, sparse: true, name: 'eventIdHash_unique' },
    );
    // The access reports select one patient's or one staff member's entries; one index at a
    // time, since FerretDB 1.24 drops the connection on a repeated multi-index createIndexes.
    await this.entries.createIndex({ patientId: 1 }, { name: 'patient' });
    await this.entries.createIndex({ 'actor.id': 1 }, { name: 'actor' });
  }
}
