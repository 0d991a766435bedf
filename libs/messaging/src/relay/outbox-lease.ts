import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';

/** One relay's claim to publish an outbox: who holds it and until when. */
export interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface OutboxLeaseOptions {
  /** One lease per outbox; relays of the same outbox share the name. */
  readonly name: string;
  /** This instance; default host, pid and a random suffix. */
  readonly owner?: string;
  /** How long a claim lasts without renewal; default 30 s. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

const DUPLICATE_KEY = 11000;

/**
 * A time-bound exclusive claim on an outbox, so that of several relay instances only one
 * publishes and no stream is ever published by two at once (which could reorder it).
 *
 * One document per lease name. Acquire and renew are a single conditional upsert: it matches
 * when this instance already owns the lease or the lease has expired; when another instance
 * holds it, nothing matches and the upsert's insert fails on the `_id`, which means "not yours".
 * The holder renews once a third of the TTL has passed, so it always has at least two thirds
 * left when it starts a batch; a holder that dies simply stops renewing and the others take
 * over after the TTL. Expiry is judged by the clocks of the relay hosts, so they must be
 * NTP-synchronised to well within the TTL.
 */
export class OutboxLease {
  readonly owner: string;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private heldUntil = 0;

  constructor(
    private readonly leases: mongo.Collection<LeaseDocument>,
    private readonly options: OutboxLeaseOptions,
  ) {
    this.owner = options.owner ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether this instance holds the lease locally, without asking the database. */
  get held(): boolean {
    return this.heldUntil > this.now();
  }

  /** True when this instance holds the lease with at least two thirds of the TTL left. */
  async ensureHeld(): Promise<boolean> {
    const now = this.now();
    if (this.heldUntil - now > (this.ttlMs * 2) / 3) return true;
    return this.claim(now);
  }

  /** Gives the lease up, so another relay can take over at once instead of after the TTL. */
  async release(): Promise<void> {
    if (this.heldUntil === 0) return;
    this.heldUntil = 0;
    await this.leases.updateOne(
      { _id: this.options.name, owner: this.owner },
      { $set: { expiresAt: new Date(0) } },
    );
  }

  private async claim(now: number): Promise<boolean> {
    const expiresAt = now + this.ttlMs;
    try {
      await this.leases.updateOne(
        {
          _id: this.options.name,
          $or: [{ owner: this.owner }, { expiresAt: { $lte: new Date(now) } }],
        },
        { $set: { owner: this.owner, expiresAt: new Date(expiresAt) } },
        { upsert: true },
      );
      this.heldUntil = expiresAt;
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      this.heldUntil = 0;
      return false;
    }
  }
}
