import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';
import { retryUpsert } from '../retry-upsert';
import { CredentialAtStart } from './domain/session.rules';

interface CredentialDocument {
  _id: string;
  status: 'current' | 'lapsed';
  asOf: string;
  eventId: string;
}

const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const LAPSED = 'thc.training.StaffCredentialLapsed.v1';

/**
 * Each staff member's telehealth credential, from training's events: one document per staff
 * member, last event wins (a staff member's events share a key, so they arrive in order).
 */
@Injectable()
export class StaffCredentialStates {
  private readonly credentials: mongo.Collection<CredentialDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.credentials = connection.collection<CredentialDocument>('staff_credentials');
  }

  async learn(events: readonly AuditedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== CREDENTIALED && event.type !== LAPSED) continue;
      const data = event.data as { staffId: string; credentialedAt?: string; lapsedAt?: string };
      const lapsed = event.type === LAPSED;
      await retryUpsert(() =>
        this.credentials.updateOne(
          { _id: data.staffId },
          {
            $set: {
              status: lapsed ? 'lapsed' : 'current',
              asOf: new Date(
                (lapsed ? data.lapsedAt : data.credentialedAt) ?? event.time,
              ).toISOString(),
              eventId: event.id,
            },
          },
          { upsert: true },
        ),
      );
    }
  }

  /** The credential at `at`: a lapse that happened before it counts; unknown staff are unknown. */
  async at(staffId: string, at: string): Promise<CredentialAtStart> {
    const document = await this.credentials.findOne({ _id: staffId });
    if (!document) return { status: 'unknown' };
    if (document.status === 'lapsed' && Date.parse(document.asOf) <= Date.parse(at))
      return { status: 'lapsed', lapsedEventId: document.eventId };
    return { status: 'current' };
  }
}
