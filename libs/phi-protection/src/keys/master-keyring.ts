import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A per-patient data key as stored: encrypted under a master key that never leaves env/KMS. */
export interface WrappedKey {
  readonly masterKeyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/**
 * The port to the key-encryption keys. The built-in keyring reads them from the environment;
 * a cloud KMS (AWS KMS, Azure Key Vault, GCP KMS) implements the same two calls.
 */
export interface KeyWrapper {
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  unwrap(wrapped: WrappedKey): Promise<Buffer>;
}

/**
 * Master keys from PHI_MASTER_KEYS: `id:base64key` entries, comma-separated, newest first.
 * New data keys are wrapped with the first; older ones stay readable until re-wrapped, which is
 * how a master key is rotated without re-encrypting any PHI.
 */
export class EnvMasterKeyring implements KeyWrapper {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;

  constructor(spec: string) {
    const entries = spec
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const [id, material] = entry.split(':');
        const key = Buffer.from(material ?? '', 'base64');
        if (!id || key.length !== 32)
          throw new Error('PHI_MASTER_KEYS: each entry must be id:<32 bytes base64>');
        return [id, key] as const;
      });
    if (entries.length === 0)
      throw new Error('PHI_MASTER_KEYS: at least one master key is required');
    this.keys = new Map(entries);
    this.currentId = entries[0][0];
  }

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentId), iv);
    cipher.setAAD(Buffer.from(this.currentId));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      masterKeyId: this.currentId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key(wrapped.masterKeyId),
      Buffer.from(wrapped.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(wrapped.masterKeyId));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(wrapped.ciphertext, 'base64')),
      decipher.final(),
    ]);
  }

  /** True when a key was wrapped with an older master key and should be re-wrapped. */
  isStale(wrapped: WrappedKey): boolean {
    return wrapped.masterKeyId !== this.currentId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`master key ${id} is not configured`);
    return key;
  }
}
