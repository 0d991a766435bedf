import { Logger } from '@nestjs/common';
import { EnvMasterKeyring, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { Connection } from 'mongoose';
import type { SealedText } from '../domain/appointment.events';

/** The appointment fields that hold sealed text; each is bound into its seal. */
export type SealedAppointmentField = 'reason' | 'contact' | 'interpreter-language';

/**
 * Seals free text (PHI) under the patient's key, bound to the appointment field it is kept in;
 * undefined when it cannot be kept.
 */
export interface ReasonSealer {
  seal(
    patientId: string,
    text: string,
    field?: SealedAppointmentField,
  ): Promise<SealedText | undefined>;
  /** Whether the patient was erased, so that no PHI of theirs is kept in clear either. */
  erased(patientId: string): Promise<boolean>;
}

export const REASON_SEALER = Symbol('REASON_SEALER');

/**
 * With PHI_MASTER_KEYS set, reasons are sealed with PhiCipher (keys in PHI_KEYS_DB, default
 * thc_phi_keys, on the service's own MongoDB server). Without it the service still runs: only
 * the reason code is stored and the free text is dropped, never kept in clear.
 */
export function createReasonSealer(connection: Connection): ReasonSealer {
  const masterKeys = process.env['PHI_MASTER_KEYS'];
  if (!masterKeys) {
    const logger = new Logger('ReasonSealer');
    logger.warn('PHI_MASTER_KEYS is not set: free-text reasons are dropped, codes are kept');
    // Without the key store nothing can have been erased here.
    return { seal: async () => undefined, erased: async () => false };
  }
  const keysDb = connection.useDb(process.env['PHI_KEYS_DB'] ?? 'thc_phi_keys', { useCache: true });
  const keys = new PatientKeyStore(keysDb, new EnvMasterKeyring(masterKeys));
  const cipher = new PhiCipher(keys);
  return {
    erased: (patientId) => keys.isErased(patientId),
    seal: (patientId, text, field = 'reason') =>
      cipher.seal({ patientId, record: 'Appointment', field }, text),
  };
}
