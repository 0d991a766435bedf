import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EncryptedField } from '@thc/contracts';
import { PhiCipher } from '@thc/phi-protection';
import { Connection, mongo } from 'mongoose';

/** A patient's preferred language from their scheduling profile, sealed as scheduling sealed it. */
interface PatientLanguage {
  readonly _id: string;
  readonly preferredLanguage: EncryptedField;
  readonly recordedAt: string;
}

/** What a patient's profile language opens to: the tag, none kept, or erased. */
export type ProfileLanguage =
  | { readonly kind: 'none' }
  | { readonly kind: 'erased' }
  | { readonly kind: 'language'; readonly language: string };

// Scheduling's binding for the profile's language (its profile-sealer): opened here as it is.
const profileBinding = (patientId: string) => ({
  patientId,
  record: 'Patient',
  field: 'preferred-language',
});

/**
 * `patient_languages`, keyed by patientId: the language to write in to a patient who stated
 * none of their own here. Kept sealed, opened only for a message.
 */
@Injectable()
export class PatientLanguages {
  private readonly languages: mongo.Collection<PatientLanguage>;

  constructor(
    private readonly cipher: PhiCipher,
    @InjectConnection() connection: Connection,
  ) {
    this.languages = connection.collection<PatientLanguage>('patient_languages');
  }

  /** The latest profile wins: a partition delivers a patient's profiles in order. */
  async keep(patientId: string, preferredLanguage: EncryptedField, recordedAt: string) {
    await this.languages.updateOne(
      { _id: patientId },
      { $set: { preferredLanguage, recordedAt } },
      { upsert: true },
    );
  }

  async languageOf(patientId: string): Promise<ProfileLanguage> {
    const kept = await this.languages.findOne({ _id: patientId });
    if (!kept) return { kind: 'none' };
    const opened = await this.cipher.open(profileBinding(patientId), kept.preferredLanguage);
    return opened.readable ? { kind: 'language', language: opened.value } : { kind: 'erased' };
  }

  async forget(patientId: string): Promise<void> {
    await this.languages.deleteOne({ _id: patientId });
  }
}
