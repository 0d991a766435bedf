import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { retryUpsert } from '../retry-upsert';
import { LegalHold } from './legal-hold';

type HoldDocument = Omit<LegalHold, 'patientId'> & { _id: string };

/** Patients whose audit entries must outlive retention (litigation, investigation). */
@Injectable()
export class LegalHolds {
  private readonly holds: mongo.Collection<HoldDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.holds = connection.collection<HoldDocument>('legal_holds');
  }

  async place(hold: LegalHold): Promise<boolean> {
    const { patientId, ...rest } = hold;
    const result = await retryUpsert(() =>
      this.holds.updateOne({ _id: patientId }, { $setOnInsert: rest }, { upsert: true }),
    );
    return result.upsertedCount === 1;
  }

  async release(patientId: string): Promise<boolean> {
    return (await this.holds.deleteOne({ _id: patientId })).deletedCount === 1;
  }

  async all(): Promise<LegalHold[]> {
    return (await this.holds.find().toArray()).map(({ _id, ...hold }) => ({
      ...hold,
      patientId: _id,
    }));
  }
}
