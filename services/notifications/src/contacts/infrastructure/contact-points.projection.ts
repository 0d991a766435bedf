import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EncryptedField } from '@thc/contracts';
import { Connection, mongo } from 'mongoose';
import type { ContactPreferencesState } from '../domain/contact-preferences.state';

/**
 * What the dispatcher needs of one person, in one document read by `_id` = personId: the
 * contact points still sealed, and in clear what is no identifier (consent, opt-outs, zone,
 * quiet hours).
 */
export interface ContactPointsView {
  readonly _id: string;
  readonly version: number;
  readonly patientId: string;
  readonly email?: EncryptedField;
  readonly mobile?: EncryptedField;
  readonly preferredLanguage?: EncryptedField;
  readonly timeZone: string;
  readonly quietHours?: { readonly start: string; readonly end: string };
  readonly consent: { readonly byEmail: boolean; readonly bySms: boolean };
  readonly optedOut: { readonly email: boolean; readonly sms: boolean };
  readonly recordedAt: string;
  /** The mobile number's lookup key (see MobileLookup), to drop it when the number changes. */
  readonly mobileKey?: string;
}

/** The people whose contact points are sealed under one patient's key (`_id` = patientId). */
interface PeopleOfPatient {
  readonly _id: string;
  readonly personIds: string[];
}

const DUPLICATE_KEY = 11000;

/**
 * The `contact_points` view, one document per person, and `contact_people_of_patient`, the
 * index an erasure reaches a patient's people by: both read by `_id` only (FerretDB reads any
 * other field by scanning). A view is never replaced by an older version.
 */
@Injectable()
export class ContactPointsProjection {
  private readonly views: mongo.Collection<ContactPointsView>;
  private readonly people: mongo.Collection<PeopleOfPatient>;

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<ContactPointsView>('contact_points');
    this.people = connection.collection<PeopleOfPatient>('contact_people_of_patient');
  }

  async find(personId: string): Promise<ContactPointsView | undefined> {
    return (await this.views.findOne({ _id: personId })) ?? undefined;
  }

  /** The view of a person's state at `version`; undefined when nothing is recorded. */
  static viewOf(
    state: ContactPreferencesState,
    version: number,
    mobileKey: string | undefined,
  ): ContactPointsView | undefined {
    const { record } = state;
    if (!record) return undefined;
    return {
      _id: record.personId,
      version,
      patientId: record.patientId,
      ...(record.email ? { email: record.email } : {}),
      ...(record.mobile ? { mobile: record.mobile } : {}),
      ...(record.preferredLanguage ? { preferredLanguage: record.preferredLanguage } : {}),
      timeZone: record.timeZone,
      ...(record.quietHours ? { quietHours: record.quietHours } : {}),
      consent: record.consent,
      optedOut: state.optedOut,
      recordedAt: record.recordedAt,
      ...(mobileKey ? { mobileKey } : {}),
    };
  }

  /**
   * Saves the view, one write by `_id` (an insert the first time). The person is put in their
   * patient's index first, so an erasure that runs meanwhile never misses the view.
   */
  async save(view: ContactPointsView): Promise<void> {
    await this.people.updateOne(
      { _id: view.patientId },
      { $addToSet: { personIds: view._id } },
      { upsert: true },
    );
    const { _id, ...fields } = view;
    const replaced = await this.views.replaceOne({ _id, version: { $lt: view.version } }, fields);
    if (replaced.matchedCount > 0) return;
    try {
      await this.views.insertOne(view);
    } catch (error) {
      // Already there, at this version or a newer one.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** A person whose record moved to another patient leaves the former one's index. */
  async leavePatient(patientId: string, personId: string): Promise<void> {
    await this.people.updateOne({ _id: patientId }, { $pull: { personIds: personId } });
  }

  /** The people recorded under a patient's key (one read by `_id`). */
  async peopleOf(patientId: string): Promise<readonly string[]> {
    return (await this.people.findOne({ _id: patientId }))?.personIds ?? [];
  }

  async remove(personId: string): Promise<void> {
    await this.views.deleteOne({ _id: personId });
  }

  async forgetPatient(patientId: string): Promise<void> {
    await this.people.deleteOne({ _id: patientId });
  }
}
