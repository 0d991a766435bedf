import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { createHmac } from 'node:crypto';
import { MOBILE_LOOKUP_KEY } from './mobile-lookup-key';

/** The people who gave one mobile number (`_id`: its keyed hash, never the number). */
interface MobileEntry {
  readonly _id: string;
  readonly personIds: string[];
}

/**
 * Finds people by the number a text came from, without keeping numbers in clear: the key is an
 * HMAC-SHA256 of the E.164 number under a secret key, so the collection alone tells nothing and
 * a guessed number cannot be tried without the key. One number may belong to several people (a
 * caregiver who is a patient too); a STOP from it leaves SMS for each of them.
 */
@Injectable()
export class MobileLookup {
  private readonly entries: mongo.Collection<MobileEntry>;

  constructor(
    @Inject(MOBILE_LOOKUP_KEY) private readonly key: Buffer,
    @InjectConnection() connection: Connection,
  ) {
    this.entries = connection.collection<MobileEntry>('contact_mobile_lookup');
  }

  /** The lookup key of a normalised E.164 number. */
  keyOf(e164: string): string {
    return createHmac('sha256', this.key).update(e164, 'utf8').digest('base64url');
  }

  async add(mobileKey: string, personId: string): Promise<void> {
    await this.entries.updateOne(
      { _id: mobileKey },
      { $addToSet: { personIds: personId } },
      { upsert: true },
    );
  }

  async remove(mobileKey: string, personId: string): Promise<void> {
    await this.entries.updateOne({ _id: mobileKey }, { $pull: { personIds: personId } });
  }

  async peopleAt(e164: string): Promise<readonly string[]> {
    return (await this.entries.findOne({ _id: this.keyOf(e164) }))?.personIds ?? [];
  }
}
