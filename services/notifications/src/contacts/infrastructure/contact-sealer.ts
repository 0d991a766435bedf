import { Injectable } from '@nestjs/common';
import type { EncryptedField } from '@thc/contracts';
import { OpenedField, PhiCipher } from '@thc/phi-protection';

export type SealedContactField = 'email' | 'mobile' | 'preferredLanguage';

/**
 * Seals and opens a person's contact points under the key of the patient they belong to,
 * bound to this record and field: a sealed mobile copied into another record does not open.
 */
@Injectable()
export class ContactSealer {
  constructor(private readonly cipher: PhiCipher) {}

  /** Throws PatientErasedError for an erased patient: nothing new is kept about them. */
  seal(patientId: string, field: SealedContactField, value: string): Promise<EncryptedField> {
    return this.cipher.seal(binding(patientId, field), value);
  }

  /** `readable: false` once the patient's key was erased. */
  open(patientId: string, field: SealedContactField, sealed: EncryptedField): Promise<OpenedField> {
    return this.cipher.open(binding(patientId, field), sealed);
  }
}

const binding = (patientId: string, field: SealedContactField) => ({
  patientId,
  record: 'ContactPreferences',
  field,
});
