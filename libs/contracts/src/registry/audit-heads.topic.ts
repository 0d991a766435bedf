/**
 * Signed heads of the compliance audit chain, published off the audit database so that a rewrite
 * of the database (entries, checkpoints and head together) still shows against them. Not an
 * event topic: the services' consumers never read it (it is not in TOPICS); auditors, archivers
 * and the outside verifier do. Key: `AUDIT_HEADS_KEY` (one partition keeps the heads in order).
 */
export const AUDIT_HEADS_TOPIC = 'thc.compliance.audit-heads.v1' as const;

export const AUDIT_HEADS_KEY = 'audit-chain';

/** The JSON value of one message: an Ed25519-signed statement about the chain's tail. */
export interface AuditHeadMessage {
  /** The chain up to this sequence number... */
  readonly seq: number;
  /** ...ends in this SHA-256 (hex)... */
  readonly hash: string;
  /** ...as of this instant (ISO-8601, UTC). */
  readonly signedAt: string;
  /** `ed25519-` and the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  readonly keyId: string;
  /** Ed25519 over `thc-audit-checkpoint|<seq>|<hash>|<signedAt>`, base64. */
  readonly signature: string;
}
