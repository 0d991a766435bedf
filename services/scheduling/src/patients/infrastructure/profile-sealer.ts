import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { EncryptedField } from '@thc/contracts';
import { EnvMasterKeyring, OpenedField, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { Connection } from 'mongoose';

/** Seals and opens the one PHI field of a patient's profile, under that patient's key. */
export interface ProfileSealer {
  /** Throws PatientErasedError for an erased patient: nothing new is kept about them. */
  seal(patientId: string, language: string): Promise<EncryptedField>;
  /** `readable: false` once the patient's key was erased. */
  open(patientId: string, sealed: EncryptedField): Promise<OpenedField>;
}

export const PROFILE_SEALER = Symbol('PROFILE_SEALER');

// Bound into the seal: a sealed language copied into another record or field does not open.
const binding = (patientId: string) => ({
  patientId,
  record: 'Patient',
  field: 'preferred-language',
});

const NO_KEYS = 'patient profiles are not available: PHI_MASTER_KEYS is not set';

/**
 * With PHI_MASTER_KEYS set, the language is sealed with PhiCipher (keys in PHI_KEYS_DB, default
 * thc_phi_keys, on the service's own MongoDB server, as appointment reasons are). Without it
 * the service still runs, but profiles answer 503: a language is never kept in clear, and a
 * profile without it would be no profile.
 */
export function createProfileSealer(connection: Connection): ProfileSealer {
  const masterKeys = process.env['PHI_MASTER_KEYS'];
  if (!masterKeys) {
    new Logger('ProfileSealer').warn(`${NO_KEYS}; they answer 503`);
    const unavailable = async (): Promise<never> => {
      throw new ServiceUnavailableException(NO_KEYS);
    };
    return { seal: unavailable, open: unavailable };
  }
  const keysDb = connection.useDb(process.env['PHI_KEYS_DB'] ?? 'thc_phi_keys', { useCache: true });
  const cipher = new PhiCipher(new PatientKeyStore(keysDb, new EnvMasterKeyring(masterKeys)));
  return {
    seal: (patientId, language) => cipher.seal(binding(patientId), language),
    open: (patientId, sealed) => cipher.open(binding(patientId), sealed),
  };
}
