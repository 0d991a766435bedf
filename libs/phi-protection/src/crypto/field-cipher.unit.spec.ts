import { createCipheriv, randomBytes } from 'node:crypto';
import type { EncryptedField } from '@thc/contracts';
import { FieldBinding } from './field-binding';
import { openField, sealField, SealedFieldRefusedError } from './field-cipher';

const reason = (patientId: string, field = 'reason'): FieldBinding => ({
  patientId,
  record: 'Appointment',
  field,
});

/** How values were sealed before records and fields were bound: patient id only, no `v`. */
function legacySeal(plaintext: string, key: Buffer, patientId: string): EncryptedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(patientId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'AES-256-GCM',
    keyId: 'k-1',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

describe('sealing one PHI field with AES-256-GCM', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never repeats a nonce', () => {
    const a = sealField('+1 555 0100', key, 'k-1', reason('patient-1'));
    const b = sealField('+1 555 0100', key, 'k-1', reason('patient-1'));
    expect(openField(a, key, reason('patient-1'))).toBe('+1 555 0100');
    expect(a.v).toBe(2);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(JSON.stringify(a)).not.toContain('555');
  });

  it('refuses a ciphertext that was altered', () => {
    const sealed = sealField('jane@example.org', key, 'k-1', reason('patient-1'));
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 0xff;
    expect(() =>
      openField({ ...sealed, ciphertext: bytes.toString('base64') }, key, reason('patient-1')),
    ).toThrow(SealedFieldRefusedError);
  });

  it('refuses to open a field copied into another patient', () => {
    const sealed = sealField('jane@example.org', key, 'k-1', reason('patient-1'));
    expect(() => openField(sealed, key, reason('patient-2'))).toThrow(SealedFieldRefusedError);
  });

  it('refuses a value moved into another field or another kind of record of the same patient', () => {
    const sealed = sealField('Cannot make it, chemo', key, 'k-1', reason('patient-1'));
    expect(() => openField(sealed, key, reason('patient-1', 'contact'))).toThrow(
      SealedFieldRefusedError,
    );
    expect(() =>
      openField(sealed, key, { patientId: 'patient-1', record: 'Encounter', field: 'reason' }),
    ).toThrow(SealedFieldRefusedError);
  });

  it('refuses a bound value whose version marker was stripped to pass it off as an old one', () => {
    const { v: _, ...stripped } = sealField('jane@example.org', key, 'k-1', reason('patient-1'));
    expect(() => openField(stripped, key, reason('patient-1'))).toThrow(SealedFieldRefusedError);
  });

  it.each([12, 8, 4, 1])('refuses a tag truncated to %i bytes', (bytes) => {
    const sealed = sealField('jane@example.org', key, 'k-1', reason('patient-1'));
    const tag = Buffer.from(sealed.tag, 'base64').subarray(0, bytes).toString('base64');
    expect(() => openField({ ...sealed, tag }, key, reason('patient-1'))).toThrow(
      'authentication tag is not 128 bits',
    );
  });

  it('still opens a value sealed before fields were bound, for its patient only', () => {
    const old = legacySeal('jane@example.org', key, 'patient-1');
    expect(openField(old, key, reason('patient-1'))).toBe('jane@example.org');
    expect(() => openField(old, key, reason('patient-2'))).toThrow(SealedFieldRefusedError);
  });

  it('refuses an envelope version it does not know', () => {
    const sealed = sealField('jane@example.org', key, 'k-1', reason('patient-1'));
    expect(() => openField({ ...sealed, v: 3 as unknown as 2 }, key, reason('patient-1'))).toThrow(
      'unknown envelope version',
    );
  });

  it('refuses a wrong-sized key and an empty value', () => {
    expect(() => sealField('x', randomBytes(16), 'k', reason('p'))).toThrow('256 bits');
    expect(() => sealField('', key, 'k', reason('p'))).toThrow('empty');
  });
});
