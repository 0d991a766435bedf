import { staffDisplayName } from '@thc/contracts';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { applyOnce } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';
import type { StaffCredential, StateLicence } from '../domain/provider-qualification';

type StaffMemberRecorded = EventDataOf<'thc.scheduling.StaffMemberRecorded.v1'>;
type Credentialed = EventDataOf<'thc.training.StaffCredentialed.v1'>;
type Lapsed = EventDataOf<'thc.training.StaffCredentialLapsed.v1'>;

interface QualificationDocument {
  readonly _id: string;
  /** As people read it: prefix, given names, family name ("Dr. Adaeze Okafor"). */
  readonly displayName?: string;
  readonly active?: boolean;
  readonly licences?: readonly StateLicence[];
  readonly credential?: StaffCredential;
}

/** What sessions knows of one staff member: their name, licences and telehealth credential. */
export interface ProviderQualification {
  readonly displayName?: string;
  /** No licence counts for a staff member the directory lists as inactive. */
  readonly licences: readonly StateLicence[];
  readonly credential?: StaffCredential;
}

/** A staff member's name and telehealth credential, as far as they are on record. */
export interface StaffStanding {
  readonly displayName?: string;
  readonly credential?: StaffCredential;
}

/** The credential's document of a staff member, beside their directory listing. */
const credentialIdOf = (staffId: string): string => `credential|${staffId}`;

/**
 * Two documents per staff member, keyed by `_id` (the only index FerretDB uses): the directory's
 * listing under the staffId and training's credential under `credential|<staffId>`, so a start
 * or a transfer reads both in one command. Each has one writer: the directory's consumer and
 * the credentials' consumer run side by side, and two writers of one document lose updates on
 * FerretDB (it does not update a document atomically under concurrent writes). Each event is
 * applied once (applyOnce records its id in the same write), and the latest applied wins: one
 * staff member's events of one topic share a Kafka key, so they arrive in order.
 */
@Injectable()
export class ProviderQualifications {
  private readonly collection: mongo.Collection<QualificationDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<QualificationDocument>('provider_qualifications');
  }

  async of(staffId: string): Promise<ProviderQualification> {
    const documents = await this.collection
      .find(
        { _id: { $in: [staffId, credentialIdOf(staffId)] } },
        { projection: { displayName: 1, active: 1, licences: 1, credential: 1 } },
      )
      .toArray();
    const listing = documents.find((document) => document._id === staffId);
    const credential = documents.find((document) => document._id !== staffId)?.credential;
    return {
      ...(listing?.displayName ? { displayName: listing.displayName } : {}),
      licences: listing?.active ? (listing.licences ?? []) : [],
      ...(credential ? { credential } : {}),
    };
  }

  /**
   * The names of these staff members, in one read: for views that name the people of a visit.
   * Someone the directory has not named has no entry (no name rather than a made-up one).
   */
  async namesOf(staffIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const wanted = [...new Set(staffIds)];
    if (wanted.length === 0) return new Map();
    const documents = await this.collection
      .find({ _id: { $in: wanted } }, { projection: { displayName: 1 } })
      .toArray();
    return new Map(
      documents.flatMap((document) =>
        document.displayName ? [[document._id, document.displayName] as const] : [],
      ),
    );
  }

  /**
   * The name and telehealth credential of each of these staff members, in one read (listings
   * and credentials side by side): for views of many visits at once. Anyone the directory and
   * training have said nothing of has no entry.
   */
  async standingsOf(staffIds: readonly string[]): Promise<ReadonlyMap<string, StaffStanding>> {
    const wanted = [...new Set(staffIds)];
    if (wanted.length === 0) return new Map();
    const documents = await this.collection
      .find(
        { _id: { $in: [...wanted, ...wanted.map(credentialIdOf)] } },
        { projection: { displayName: 1, credential: 1 } },
      )
      .toArray();
    const byId = new Map(documents.map((document) => [document._id, document]));
    return new Map(
      wanted.flatMap((staffId) => {
        const displayName = byId.get(staffId)?.displayName;
        const credential = byId.get(credentialIdOf(staffId))?.credential;
        if (!displayName && !credential) return [];
        const standing: StaffStanding = {
          ...(displayName ? { displayName } : {}),
          ...(credential ? { credential } : {}),
        };
        return [[staffId, standing] as const];
      }),
    );
  }

  recorded(eventId: string, data: StaffMemberRecorded): Promise<boolean> {
    return this.apply(eventId, data.staffId, {
      displayName: staffDisplayName(data.name),
      active: data.active,
      licences: data.licences.map(({ state, number, expiresOn }) => ({ state, number, expiresOn })),
    });
  }

  credentialed(eventId: string, data: Credentialed): Promise<boolean> {
    return this.apply(eventId, credentialIdOf(data.staffId), {
      credential: { status: 'current', validUntil: data.validUntil },
    });
  }

  lapsed(eventId: string, data: Lapsed): Promise<boolean> {
    return this.apply(eventId, credentialIdOf(data.staffId), {
      credential: { status: 'lapsed', cause: data.cause, lapsedAt: data.lapsedAt },
    });
  }

  private apply(
    eventId: string,
    id: string,
    fields: Omit<QualificationDocument, '_id'>,
  ): Promise<boolean> {
    return applyOnce(
      this.collection as unknown as mongo.Collection<mongo.Document>,
      { _id: id },
      { $set: fields },
      eventId,
    );
  }
}
