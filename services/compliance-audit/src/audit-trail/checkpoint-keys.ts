import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckpointPublicKey, publicKeyId } from './domain/checkpoint-signature';

/** The key that signs new checkpoints, with its public half and the id checkpoints carry. */
export interface CheckpointSigner extends CheckpointPublicKey {
  readonly privateKey: KeyObject;
  /** A key generated for local runs; checkpoints signed with it prove nothing to an outsider. */
  readonly development: boolean;
}

type Read = (name: string) => string | undefined;

/** Where a local run keeps its generated key (like the dev token keys: .infra/, mode 0600). */
export const DEVELOPMENT_KEY_FILE = join(
  process.cwd(),
  '.infra',
  'audit',
  'checkpoint-signing-key.pem',
);

function ed25519Private(pem: string, name: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${name}: not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${name}: must be an Ed25519 key`);
  return key;
}

function signerOf(privateKey: KeyObject, development: boolean): CheckpointSigner {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey), development };
}

/** Generates the local key once, then reuses it, so restarts keep verifying their checkpoints. */
function developmentSigner(file: string): CheckpointSigner {
  try {
    return signerOf(ed25519Private(readFileSync(file, 'utf8'), file), true);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another process generated it at the same moment: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return signerOf(ed25519Private(readFileSync(file, 'utf8'), file), true);
}

/**
 * AUDIT_SIGNING_KEY_FILE (a mounted secret) or AUDIT_SIGNING_KEY: the Ed25519 private key, PKCS#8
 * PEM. Required in production; elsewhere a key is generated into .infra/audit/ and reused.
 */
export function checkpointSignerFromEnv(read: Read): CheckpointSigner {
  const file = read('AUDIT_SIGNING_KEY_FILE');
  const inline = read('AUDIT_SIGNING_KEY');
  if (file && inline)
    throw new Error('AUDIT_SIGNING_KEY: set it or AUDIT_SIGNING_KEY_FILE, not both');
  if (file) {
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`AUDIT_SIGNING_KEY_FILE: can not read ${file}`);
    }
    return signerOf(ed25519Private(pem, 'AUDIT_SIGNING_KEY_FILE'), false);
  }
  if (inline) return signerOf(ed25519Private(inline, 'AUDIT_SIGNING_KEY'), false);
  if (read('NODE_ENV') === 'production')
    throw new Error(
      'AUDIT_SIGNING_KEY_FILE: required in production (an Ed25519 private key, PKCS#8 PEM)',
    );
  return developmentSigner(DEVELOPMENT_KEY_FILE);
}

/** Splits PEM text holding several public keys (SPKI) into keys. */
export function publicKeysFromPem(pem: string, name: string): CheckpointPublicKey[] {
  const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((block) => {
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(block);
    } catch {
      throw new Error(`${name}: holds a malformed public key`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`${name}: keys must be Ed25519`);
    return { keyId: publicKeyId(publicKey), publicKey };
  });
}

/**
 * AUDIT_RETIRED_PUBLIC_KEYS_FILE (optional): PEM public keys of earlier signing keys, so the
 * checkpoints they signed still verify after a rotation.
 */
export function retiredPublicKeysFromEnv(read: Read): CheckpointPublicKey[] {
  const file = read('AUDIT_RETIRED_PUBLIC_KEYS_FILE');
  if (!file) return [];
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`AUDIT_RETIRED_PUBLIC_KEYS_FILE: can not read ${file}`);
  }
  return publicKeysFromPem(pem, 'AUDIT_RETIRED_PUBLIC_KEYS_FILE');
}

/** The public key as PEM, for the key route and the outside verifier. */
export const publicKeyPem = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();
