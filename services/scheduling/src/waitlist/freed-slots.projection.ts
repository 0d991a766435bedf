import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { FreedSlot } from './domain/waitlist.commands';

/**
 * A freed slot still going down the waitlist. Only a work list: the offers themselves are on
 * the entry streams, found by their derived ids, so `rounds` and `headOfferId` are hints a
 * reader checks (and moves on) before it acts.
 */
export interface FreedSlotDocument {
  /** `freedSlotKey(freedBy, slot)`. */
  readonly _id: string;
  /** The cancelled appointment that gave the slot up. */
  readonly freedBy: string;
  readonly slot: FreedSlot;
  /** How many rounds of offers are known to have been made. */
  readonly rounds: number;
  readonly headOfferId?: string;
  /** When to look again: when the latest offer runs out, or at once. */
  readonly dueAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * `waitlist_freed_slots`: one document per freed slot, from the moment it is freed until it
 * is booked, begins, or nobody is left to offer it to. Small (only slots on their way down a
 * list), so the poller reads the due ones with a plain filter.
 */
@Injectable()
export class FreedSlots implements OnModuleInit {
  private readonly slots: mongo.Collection<FreedSlotDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.slots = connection.collection<FreedSlotDocument>('waitlist_freed_slots');
  }

  async onModuleInit(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection when one createIndexes of several
    // indexes finds them already there (every restart); a single createIndex is a no-op.
    for (const { key, name } of [
      { key: { dueAt: 1 }, name: 'due' },
      { key: { headOfferId: 1 }, name: 'head_offer' },
    ] as const)
      await this.slots.createIndex(key, { name });
  }

  /** Notes a freed slot (once; a repeat leaves what is known alone). */
  async record(freed: Omit<FreedSlotDocument, 'rounds' | 'dueAt'>, at: Date): Promise<void> {
    const { _id, freedBy, slot } = freed;
    await this.slots.updateOne(
      { _id },
      { $setOnInsert: { freedBy, slot, rounds: 0, dueAt: at } },
      { upsert: true },
    );
  }

  due(at: Date): Promise<FreedSlotDocument[]> {
    return this.slots.find({ dueAt: { $lte: at } }).toArray();
  }

  /** The freed slot whose latest known offer is this one, if any. */
  withHeadOffer(offerId: string): Promise<FreedSlotDocument | null> {
    return this.slots.findOne({ headOfferId: offerId });
  }

  /**
   * Records a later round (never an earlier one over it), re-creating the document if a
   * settle raced with the offer: the offer made must still be followed up.
   */
  async advanced(
    freed: FreedSlotDocument,
    rounds: number,
    head: { readonly offerId: string },
    dueAt: Date,
  ): Promise<void> {
    const { _id, freedBy, slot } = freed;
    try {
      await this.slots.updateOne(
        { _id, rounds: { $lt: rounds } },
        { $set: { rounds, headOfferId: head.offerId, dueAt }, $setOnInsert: { freedBy, slot } },
        { upsert: true },
      );
    } catch (error) {
      // The document knows this round or a later one already.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async settle(id: string): Promise<void> {
    await this.slots.deleteOne({ _id: id });
  }
}
