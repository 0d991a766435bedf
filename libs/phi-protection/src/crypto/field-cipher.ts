import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptedField } from '@thc/contracts';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * AES-256-GCM for one PHI field. The associated data binds the ciphertext to its patient, so a
 * field copied into another patient's record fails authentication instead of decrypting.
 */
export function sealField(
  plaintext: string,
  dataKey: Buffer,
  keyId: string,
  patientId: string,
): EncryptedField {
  if (dataKey.length !== 32) throw new Error('data key must be 256 bits');
  if (plaintext.length === 0) throw new Error('refusing to seal an empty value');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv);
  cipher.setAAD(Buffer.from(patientId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'AES-256-GCM',
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Decrypts a sealed field; throws if it was altered or belongs to another patient. */
export function openField(field: EncryptedField, dataKey: Buffer, patientId: string): string {
  const decipher = createDecipheriv(ALGORITHM, dataKey, Buffer.from(field.iv, 'base64'));
  decipher.setAAD(Buffer.from(patientId, 'utf8'));
  decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
  return Buffer.concat([
    decipher.update(Buffer.from(field.ciphertext, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}
