import { randomBytes } from 'node:crypto';
import { openField, sealField } from './field-cipher';

describe('sealing one PHI field with AES-256-GCM', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never repeats a nonce', () => {
    const a = sealField('+1 555 0100', key, 'k-1', 'patient-1');
    const b = sealField('+1 555 0100', key, 'k-1', 'patient-1');
    expect(openField(a, key, 'patient-1')).toBe('+1 555 0100');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(JSON.stringify(a)).not.toContain('555');
  });

  it('refuses a ciphertext that was altered', () => {
    const sealed = sealField('jane@example.org', key, 'k-1', 'patient-1');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 0xff;
    expect(() =>
      openField({ ...sealed, ciphertext: bytes.toString('base64') }, key, 'patient-1'),
    ).toThrow();
  });

  it('refuses to open a field copied into another patient', () => {
    const sealed = sealField('jane@example.org', key, 'k-1', 'patient-1');
    expect(() => openField(sealed, key, 'patient-2')).toThrow();
  });

  it('refuses a wrong-sized key and an empty value', () => {
    expect(() => sealField('x', randomBytes(16), 'k', 'p')).toThrow('256 bits');
    expect(() => sealField('', key, 'k', 'p')).toThrow('empty');
  });
});
