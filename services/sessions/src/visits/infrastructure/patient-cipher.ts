import { EnvMasterKeyring, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { Connection } from 'mongoose';

/**
 * The PhiCipher over the shared patient keys (PHI_KEYS_DB, default thc_phi_keys), or undefined
 * without PHI_MASTER_KEYS: then nothing is sealed, and what would need sealing is not kept.
 */
export function patientCipherOf(connection: Connection): PhiCipher | undefined {
  const masterKeys = process.env['PHI_MASTER_KEYS'];
  if (!masterKeys) return undefined;
  const keysDb = connection.useDb(process.env['PHI_KEYS_DB'] ?? 'thc_phi_keys', { useCache: true });
  return new PhiCipher(new PatientKeyStore(keysDb, new EnvMasterKeyring(masterKeys)));
}
