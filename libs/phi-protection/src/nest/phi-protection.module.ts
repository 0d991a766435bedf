import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import mongoose, { Connection } from 'mongoose';
import { EnvMasterKeyring } from '../keys/master-keyring';
import { PatientKeyStore } from '../keys/patient-key-store';
import { PhiCipher } from '../phi-cipher';

const KEY_CONNECTION = Symbol('PHI_KEY_CONNECTION');

@Injectable()
class KeyConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(KEY_CONNECTION) private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * The patient key store lives in its own database (PHI_KEYS_DB, default thc_phi_keys) shared by
 * every service that handles PHI, so one erasure reaches all of them. Master keys come from
 * PHI_MASTER_KEYS; the connection from PHI_KEYS_MONGO_URL or MONGO_URL.
 */
@Global()
@Module({
  providers: [
    {
      provide: KEY_CONNECTION,
      useFactory: () =>
        mongoose
          .createConnection(process.env['PHI_KEYS_MONGO_URL'] ?? process.env['MONGO_URL'] ?? '', {
            dbName: process.env['PHI_KEYS_DB'] ?? 'thc_phi_keys',
            serverSelectionTimeoutMS: 5000,
          })
          .asPromise(),
    },
    {
      provide: PatientKeyStore,
      inject: [KEY_CONNECTION],
      useFactory: (connection: Connection) =>
        new PatientKeyStore(connection, new EnvMasterKeyring(process.env['PHI_MASTER_KEYS'] ?? '')),
    },
    {
      provide: PhiCipher,
      inject: [PatientKeyStore],
      useFactory: (keys: PatientKeyStore) => new PhiCipher(keys),
    },
    KeyConnectionCloser,
  ],
  exports: [PatientKeyStore, PhiCipher],
})
export class PhiProtectionModule {}
