import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { Enrolled } from '../domain/staff-training.state';

/** A staff member's training record as trainers and staff read it, and when to check it next. */
export interface StaffStatusDocument {
  readonly _id: string;
  readonly version: number;
  readonly teamId: string;
  readonly role: Enrolled['role'];
  readonly credential: Enrolled['credential'];
  readonly assignments: Enrolled['assignments'];
  readonly certifications: Enrolled['certifications'];
  readonly passedModuleIds: readonly string[];
  /** Absent when nothing is pending; the expiry check reads only documents that are due. */
  readonly nextCheckAt?: Date;
}

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

/**
 * One document per staff member (`_id` = staffId), written after each change of the stream.
 * Guarded by version: a slower writer of an older state changes nothing. A write lost to a
 * crash leaves an older document, which the next command or check brings up to date.
 */
@Injectable()
export class StaffStatusProjection implements OnModuleInit {
  readonly collection: mongo.Collection<StaffStatusDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<StaffStatusDocument>('training_staff_status');
  }

  /** One index per way staff are selected: by team, by role, and those due a check. */
  async onModuleInit(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection when one createIndexes of several
    // indexes finds them already there (every restart); a single createIndex is a no-op.
    for (const { key, name } of [
      { key: { teamId: 1 }, name: 'team' },
      { key: { role: 1 }, name: 'role' },
      { key: { nextCheckAt: 1 }, name: 'next_check' },
    ] as const)
      await this.collection.createIndex(key, { name });
  }

  async save(state: Enrolled, version: number, nextCheckAt: string | undefined): Promise<void> {
    const document = {
      version,
      teamId: state.teamId,
      role: state.role,
      credential: state.credential,
      assignments: state.assignments,
      certifications: state.certifications,
      passedModuleIds: Object.values(state.passes).map((p) => p.moduleId),
    };
    try {
      await this.collection.updateOne(
        { _id: state.staffId, version: { $lt: version } },
        nextCheckAt
          ? { $set: { ...document, nextCheckAt: new Date(nextCheckAt) } }
          : { $set: document, $unset: { nextCheckAt: '' } },
        { upsert: true },
      );
    } catch (error) {
      // The document is already at this version or later: another writer got there first.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  find(staffId: string): Promise<StaffStatusDocument | null> {
    return this.collection.findOne({ _id: staffId });
  }

  team(teamId: string): Promise<StaffStatusDocument[]> {
    return this.collection.find({ teamId }).sort({ _id: 1 }).limit(5000).toArray();
  }

  /** Staff whose next check is due at `now`, oldest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const documents = await this.collection
      .find({ nextCheckAt: { $lte: now } }, { projection: { _id: 1 } })
      .sort({ nextCheckAt: 1 })
      .limit(limit)
      .toArray();
    return documents.map((d) => d._id);
  }

  /** Enrolled staff in these roles (new modules are assigned to them). */
  async inRoles(roles: readonly StaffStatusDocument['role'][]): Promise<StaffStatusDocument[]> {
    return this.collection.find({ role: { $in: [...roles] } }).toArray();
  }

  /** Staff who passed a module (a version that requires retraining is assigned to them). */
  async whoPassed(moduleId: string): Promise<StaffStatusDocument[]> {
    return this.collection.find({ passedModuleIds: moduleId }).toArray();
  }
}
