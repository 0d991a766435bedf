import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AUDIT_SETTINGS, AuditSettings, CLOCK, Clock } from '../shared/audit.settings';
import { checkpointPayload, checkpointSignatureValid, signCheckpoint } from './domain/audit-hash';
import { Checkpoint } from './domain/chain-verification';
import { AuditTrailCollections } from './audit-trail.collections';

/**
 * Signed checkpoints of the chain: every `checkpointEvery` entries and at least every
 * `checkpointIntervalMs` while entries arrive. Someone able to rewrite the database can
 * recompute every hash, but not sign: a rewritten chain no longer matches its checkpoints.
 */
@Injectable()
export class AuditCheckpoints implements OnModuleInit, OnApplicationShutdown {
  private lastSigned = 0;
  private latest?: { seq: number; hash: string };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly collections: AuditTrailCollections,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const [last] = await this.collections.checkpoints.find().sort({ _id: -1 }).limit(1).toArray();
    this.lastSigned = last?.seq ?? 0;
    this.timer = setInterval(
      () => void this.signLatest().catch(() => undefined),
      this.settings.checkpointIntervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async afterAppend(seq: number, hash: string, every: number): Promise<void> {
    this.latest = { seq, hash };
    if (Math.floor(seq / every) > Math.floor(this.lastSigned / every)) await this.sign(seq, hash);
  }

  /** Signs the newest entry this instance wrote, if not signed yet. */
  async signLatest(): Promise<void> {
    if (this.latest && this.latest.seq > this.lastSigned)
      await this.sign(this.latest.seq, this.latest.hash);
  }

  async sign(seq: number, hash: string): Promise<Checkpoint> {
    const [key] = this.settings.checkpointKeys;
    const signedAt = this.clock().toISOString();
    const checkpoint: Checkpoint = {
      seq,
      hash,
      signedAt,
      keyId: key.id,
      signature: signCheckpoint(key.secret, checkpointPayload(seq, hash, signedAt)),
    };
    try {
      await this.collections.checkpoints.insertOne({ ...checkpoint, _id: seq });
    } catch (error) {
      // Another instance signed the same entry already.
      if (!(error instanceof mongo.MongoServerError) || error.code !== 11000) throw error;
    }
    this.lastSigned = Math.max(this.lastSigned, seq);
    return checkpoint;
  }

  all(): Promise<Checkpoint[]> {
    return this.collections.checkpoints
      .find({}, { projection: { _id: 0 } })
      .sort({ _id: 1 })
      .toArray() as Promise<Checkpoint[]>;
  }

  signatureValid = (checkpoint: Checkpoint): boolean => {
    const key = this.settings.checkpointKeys.find((k) => k.id === checkpoint.keyId);
    return (
      !!key &&
      /^[0-9a-f]{64}$/.test(checkpoint.signature) &&
      checkpointSignatureValid(
        key.secret,
        checkpointPayload(checkpoint.seq, checkpoint.hash, checkpoint.signedAt),
        checkpoint.signature,
      )
    );
  };
}
