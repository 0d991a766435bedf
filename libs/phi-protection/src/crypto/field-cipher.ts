import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptedField } from '@thc/contracts';
import {
  associatedData,
  BOUND_ENVELOPE,
  FieldBinding,
  legacyAssociatedData,
} from './field-binding';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
/**
 * GCM tags are pinned to 128 bits. Node's decipher otherwise accepts any tag length from 4
 * bytes up, and a truncated tag is far easier to forge.
 */
const TAG_BYTES = 16;

/** A sealed field that cannot be opened: altered, truncated, moved, or under another key. */
export class SealedFieldRefusedError extends Error {
  override readonly name = 'SealedFieldRefusedError';
}

/**
 * AES-256-GCM for one PHI field. The associated data binds the ciphertext to its patient, record
 * type and field (see FieldBinding); the envelope says so with `v: 2`.
 */
export function sealField(
  plaintext: string,
  dataKey: Buffer,
  keyId: string,
  binding: FieldBinding,
): EncryptedField {
  if (dataKey.length !== 32) throw new Error('data key must be 256 bits');
  if (plaintext.length === 0) throw new Error('refusing to seal an empty value');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'AES-256-GCM',
    v: BOUND_ENVELOPE,
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/**
 * Decrypts a sealed field; throws SealedFieldRefusedError if it was altered, its tag is not 128
 * bits, or it belongs to another patient, record or field. Envelopes without `v` (sealed before
 * fields were bound) are still read, bound to their patient only.
 */
export function openField(field: EncryptedField, dataKey: Buffer, binding: FieldBinding): string {
  const tag = Buffer.from(field.tag, 'base64');
  const iv = Buffer.from(field.iv, 'base64');
  if (tag.length !== TAG_BYTES)
    throw new SealedFieldRefusedError('authentication tag is not 128 bits');
  if (iv.length !== IV_BYTES) throw new SealedFieldRefusedError('nonce is not 96 bits');
  const aad =
    field.v === undefined
      ? legacyAssociatedData(binding)
      : field.v === BOUND_ENVELOPE
        ? associatedData(binding)
        : undefined;
  if (!aad) throw new SealedFieldRefusedError('unknown envelope version');
  const decipher = createDecipheriv(ALGORITHM, dataKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(field.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealedFieldRefusedError('the sealed field does not authenticate here');
  }
}
