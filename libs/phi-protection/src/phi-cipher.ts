import type { EncryptedField } from '@thc/contracts';
import type { FieldBinding } from './crypto/field-binding';
import { openField, sealField } from './crypto/field-cipher';
import { PatientKeyStore } from './keys/patient-key-store';

/** What reading a sealed field gives: the value, or the fact that it was erased. */
export type OpenedField =
  | { readonly readable: true; readonly value: string }
  | { readonly readable: false; readonly reason: 'erased' };

/**
 * Seals and opens PHI fields under the patient's own key, bound to the record and field they
 * are stored in (see FieldBinding).
 */
export class PhiCipher {
  constructor(private readonly keys: PatientKeyStore) {}

  async seal(binding: FieldBinding, plaintext: string): Promise<EncryptedField> {
    const { keyId, key } = await this.keys.dataKeyFor(binding.patientId);
    return sealField(plaintext, key, keyId, binding);
  }

  async open(binding: FieldBinding, field: EncryptedField): Promise<OpenedField> {
    const key = await this.keys.keyForField(binding.patientId, field.keyId);
    if (!key) return { readable: false, reason: 'erased' };
    return { readable: true, value: openField(field, key, binding) };
  }
}
