import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { mongo } from 'mongoose';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import {
  Checkpoint,
  checkpointSignatureValid,
  signCheckpoint,
} from './domain/checkpoint-signature';
import { AuditTrailCollections } from './audit-trail.collections';
import { DUPLICATE_KEY } from './ordered-insert';
import { HeadsPublisher } from './heads-publisher';
import { Clock, CLOCK } from '@thc/service-runtime';

interface Point {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Ed25519-signed checkpoints of the chain: at every multiple of `checkpointEvery` (signed by the
 * instance that appended that entry) and, while entries arrive, the newest entry at least every
 * `checkpointIntervalMs`. Each is stored beside the chain and published off the database as a
 * signed head. Someone able to rewrite the database can recompute every hash but not sign, and
 * can not take back what was published: verification reports a rewritten chain, a gap in the
 * cadence and a tail left unsigned too long.
 *
 * Only entries this instance appended itself are signed, as it appends them: a checkpoint is
 * never made from what the database says later, which may have been rewritten meanwhile.
 */
@Injectable()
export class AuditCheckpoints
  implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(AuditCheckpoints.name);
  private lastSigned = 0;
  private latest?: Point;
  /** Multiples of the cadence appended here whose signing failed (e.g. database away). */
  private due: Point[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly heads: HeadsPublisher,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const [last] = await this.collections.checkpoints.find().sort({ _id: -1 }).limit(1).toArray();
    this.lastSigned = last?.seq ?? 0;
    // Twice per interval, so that no entry waits longer than the interval for its signature.
    this.timer = setInterval(
      () => void this.signLatest().catch(() => undefined),
      Math.max(50, Math.floor(this.settings.checkpointIntervalMs / 2)),
    );
    this.timer.unref();
  }

  /** Signs what this instance appended and has not signed yet, before the connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.signLatest().catch((error: Error) =>
      this.logger.error(`audit checkpoint at shutdown failed: ${error.message}`),
    );
  }

  /** Stops the timer (the command budget test calls this to count one use case alone). */
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** After an append: signs every multiple of the cadence among `appended` (in order). */
  async afterAppend(appended: readonly Point[]): Promise<void> {
    const last = appended.at(-1);
    if (!last) return;
    if (!this.latest || last.seq > this.latest.seq) this.latest = last;
    const every = this.settings.checkpointEvery;
    this.due.push(...appended.filter((entry) => entry.seq % every === 0));
    await this.signDue().catch((error: Error) =>
      // Kept in `due`: the timer tries again. The entries are stored; failing the append
      // would only make the intake redeliver them as duplicates.
      this.logger.error(`audit checkpoint failed, will retry: ${error.message}`),
    );
  }

  /** Signs the due multiples and the newest entry this instance appended, if not signed yet. */
  async signLatest(): Promise<void> {
    await this.signDue();
    const latest = this.latest;
    if (latest && latest.seq > this.lastSigned) await this.sign([latest]);
  }

  private async signDue(): Promise<void> {
    if (this.due.length === 0) return;
    const due = this.due;
    this.due = [];
    try {
      await this.sign(due);
    } catch (error) {
      this.due = [...due, ...this.due];
      throw error;
    }
  }

  private async sign(points: readonly Point[]): Promise<Checkpoint[]> {
    const { privateKey, keyId } = this.settings.checkpointSigner;
    const signedAt = this.clock().toISOString();
    const checkpoints = points.map((point) =>
      signCheckpoint(privateKey, keyId, { ...point, signedAt }),
    );
    try {
      await this.collections.checkpoints.insertMany(
        checkpoints.map((checkpoint) => ({ ...checkpoint, _id: checkpoint.seq })),
        { ordered: false },
      );
    } catch (error) {
      // Another instance signed the same entry already (the timer and a multiple can meet).
      if (!(error instanceof mongo.MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
    // Published only once stored: a published head always has its checkpoint in the database,
    // unless someone removed it.
    this.heads.publish(checkpoints);
    this.lastSigned = Math.max(this.lastSigned, ...checkpoints.map((c) => c.seq));
    return checkpoints;
  }

  all(): Promise<Checkpoint[]> {
    return this.collections.checkpoints
      .find({}, { projection: { _id: 0 } })
      .sort({ _id: 1 })
      .toArray() as Promise<Checkpoint[]>;
  }

  signatureValid = (checkpoint: Checkpoint): boolean =>
    checkpointSignatureValid(this.settings.checkpointPublicKeys, checkpoint);
}
