import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { applyOnce } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';
import { StaffCredential } from './staff-credential.decision';

type Credentialed = EventDataOf<'thc.training.StaffCredentialed.v1'>;
type Lapsed = EventDataOf<'thc.training.StaffCredentialLapsed.v1'>;

type CredentialDocument = StaffCredential & { readonly _id: string; readonly asOfTime: Date };

const credentialIn = (document: CredentialDocument): StaffCredential =>
  document.status === 'current'
    ? { status: 'current', validUntil: document.validUntil, asOf: document.asOf }
    : { status: 'lapsed', cause: document.cause, asOf: document.asOf };

/**
 * One document per staff member, keyed by staffId (`_id`, the only index FerretDB uses).
 * Each event is applied once (applyOnce records its id in the same write). The last event
 * applied wins: a staff member's events share one Kafka key, so they arrive in order, and a
 * redelivery of an older one is a duplicate that changes nothing.
 */
@Injectable()
export class StaffCredentials {
  private readonly collection: mongo.Collection<CredentialDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<CredentialDocument>('staff_credentials');
  }

  async credentialOf(staffId: string): Promise<StaffCredential | undefined> {
    const document = await this.collection.findOne({ _id: staffId });
    return document ? credentialIn(document) : undefined;
  }

  /** Several staff members' credentials in one `$in` read; those without one are left out. */
  async credentialsOf(staffIds: readonly string[]): Promise<Map<string, StaffCredential>> {
    const documents = await this.collection.find({ _id: { $in: [...staffIds] } }).toArray();
    return new Map(documents.map((document) => [document._id, credentialIn(document)]));
  }

  credentialed(eventId: string, data: Credentialed): Promise<boolean> {
    return this.apply(eventId, data.staffId, data.credentialedAt, {
      status: 'current',
      validUntil: data.validUntil,
      asOf: data.credentialedAt,
    });
  }

  lapsed(eventId: string, data: Lapsed): Promise<boolean> {
    return this.apply(eventId, data.staffId, data.lapsedAt, {
      status: 'lapsed',
      cause: data.cause,
      asOf: data.lapsedAt,
    });
  }

  private apply(
    eventId: string,
    staffId: string,
    asOf: string,
    credential: StaffCredential,
  ): Promise<boolean> {
    return applyOnce(
      this.collection as unknown as mongo.Collection<mongo.Document>,
      { _id: staffId },
      {
        $set: { ...credential, asOfTime: new Date(asOf) },
        $unset: credential.status === 'current' ? { cause: '' } : { validUntil: '' },
      },
      eventId,
    );
  }
}
