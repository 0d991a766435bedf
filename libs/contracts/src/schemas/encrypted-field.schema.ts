import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/]+={0,2}$' } as const satisfies JSONSchema;

/**
 * A field that must carry PHI (a patient's contact for reminders, a free-text reason) travels
 * only as AES-256-GCM ciphertext under a per-patient key. Erasing that key makes every copy
 * unreadable (crypto-shredding), including the copies already on Kafka and in projections.
 * This is the wire shape only; the security work owns the encryption itself.
 */
export const encryptedField = {
  type: 'object',
  additionalProperties: false,
  required: ['alg', 'keyId', 'iv', 'ciphertext', 'tag'],
  description: 'PHI encrypted with AES-256-GCM under a per-patient key (crypto-shredding).',
  properties: {
    alg: { const: 'AES-256-GCM' },
    v: {
      const: 2,
      description:
        'Envelope version. 2: the associated data binds patient id, record type and field name; absent: sealed before, bound to the patient id only.',
    },
    keyId: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Id of the per-patient data key; the key itself never leaves the key store.',
    },
    // Exact lengths: 12 and 16 bytes in base64. A truncated tag is refused at the boundary, before
    // any consumer tries it (GCM would check only the bytes given).
    iv: { ...base64, minLength: 16, maxLength: 16, description: '96-bit GCM nonce, base64.' },
    ciphertext: { ...base64, description: 'UTF-8 plaintext encrypted, base64.' },
    tag: {
      ...base64,
      minLength: 24,
      maxLength: 24,
      description: '128-bit GCM authentication tag, base64.',
    },
  },
} as const satisfies JSONSchema;

export type EncryptedField = FromSchema<typeof encryptedField>;
