import { Logger } from '@nestjs/common';
import { Connection } from 'mongoose';
import type { SealedText } from '../domain/session.events';
import { patientCipherOf } from './patient-cipher';

/** The session fields that hold sealed text; each is bound into its seal. */
export type SealedSessionField = 'description' | 'comment' | 'consentLanguage';

/**
 * Seals free text (PHI) under the patient's key, bound to the session field it is kept in;
 * undefined when it cannot be kept.
 */
export interface TextSealer {
  seal(patientId: string, text: string, field: SealedSessionField): Promise<SealedText | undefined>;
}

export const TEXT_SEALER = Symbol('TEXT_SEALER');

/**
 * With PHI_MASTER_KEYS set, free text (issue descriptions, survey comments) is sealed with
 * PhiCipher (keys in PHI_KEYS_DB, default thc_phi_keys). Without it the service still runs:
 * the coded facts are kept and the free text is dropped, never stored in clear.
 */
export function createTextSealer(connection: Connection): TextSealer {
  const cipher = patientCipherOf(connection);
  if (!cipher) {
    new Logger('TextSealer').warn('PHI_MASTER_KEYS is not set: free text is dropped');
    return { seal: async () => undefined };
  }
  return {
    seal: (patientId, text, field) => cipher.seal({ patientId, record: 'Encounter', field }, text),
  };
}
