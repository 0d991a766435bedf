import { KeyWrapper, PatientKeyStore } from '@thc/phi-protection';
import { Connection } from 'mongoose';

/** The one thing erasure needs of the key store: destroy a patient's key, leave a tombstone. */
export interface PatientKeyEraser {
  /** True when a key was destroyed; false when there was none yet (a tombstone still blocks). */
  erase(patientId: string, erasedBy: string): Promise<boolean>;
}

export const PATIENT_KEY_ERASER = Symbol('PATIENT_KEY_ERASER');

// Destroying a key never wraps or unwraps one, so this service holds no master key at all.
const NO_MASTER_KEY: KeyWrapper = {
  wrap: () => Promise.reject(new Error('compliance-audit holds no master key')),
  unwrap: () => Promise.reject(new Error('compliance-audit holds no master key')),
};

/**
 * The shared patient key store (PHI_KEYS_DB, default thc_phi_keys, on the service's MongoDB
 * server, as scheduling and sessions reach it), so one erasure shreds every service's copies.
 */
export function createPatientKeyEraser(connection: Connection): PatientKeyEraser {
  const keysDb = connection.useDb(process.env['PHI_KEYS_DB'] ?? 'thc_phi_keys', { useCache: true });
  return new PatientKeyStore(keysDb, NO_MASTER_KEY);
}
