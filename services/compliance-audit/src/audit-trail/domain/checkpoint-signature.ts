import { createHash, KeyObject, sign, verify } from 'node:crypto';

/** A signed statement that the chain up to `seq` ended in `hash`. */
export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly signedAt: string;
  /** Names the public key that checks `signature` (see `publicKeyId`). */
  readonly keyId: string;
  /** Ed25519 over `checkpointPayload`, base64. */
  readonly signature: string;
}

/** A public key that checks checkpoints, under the id checkpoints name it by. */
export interface CheckpointPublicKey {
  readonly keyId: string;
  readonly publicKey: KeyObject;
}

/** What a checkpoint signs: the chain up to `seq` ends in `hash`, as of `signedAt`. */
export function checkpointPayload(seq: number, hash: string, signedAt: string): string {
  return `thc-audit-checkpoint|${seq}|${hash}|${signedAt}`;
}

/**
 * A key's id is derived from the public key itself, so a checkpoint can not claim a key it was
 * not signed with, and anyone holding the public key can compute the id.
 */
export function publicKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519-${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function signCheckpoint(
  privateKey: KeyObject,
  keyId: string,
  point: { readonly seq: number; readonly hash: string; readonly signedAt: string },
): Checkpoint {
  const payload = Buffer.from(checkpointPayload(point.seq, point.hash, point.signedAt));
  return {
    seq: point.seq,
    hash: point.hash,
    signedAt: point.signedAt,
    keyId,
    signature: sign(null, payload, privateKey).toString('base64'),
  };
}

/** True when one of `keys` (the one the checkpoint names) signed exactly this checkpoint. */
export function checkpointSignatureValid(
  keys: readonly CheckpointPublicKey[],
  checkpoint: Checkpoint,
): boolean {
  const key = keys.find((k) => k.keyId === checkpoint.keyId);
  if (!key || typeof checkpoint.signature !== 'string') return false;
  const payload = checkpointPayload(checkpoint.seq, checkpoint.hash, checkpoint.signedAt);
  try {
    return verify(
      null,
      Buffer.from(payload),
      key.publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
