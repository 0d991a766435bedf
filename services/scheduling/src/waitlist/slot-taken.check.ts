import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BOOKED_TIME_READER, BookedTimeReader } from '../availability/availability.port';
import type { FreedSlot } from './domain/waitlist.commands';

/**
 * Whether anyone holds a freed slot's time again (the offered patient or anyone else): such
 * a slot is fulfilled, never passed on. Read from the provider's ledger day views, where a
 * booking in flight counts as booked, like in slot search.
 */
@Injectable()
export class SlotTakenCheck implements OnModuleInit {
  private reader?: BookedTimeReader;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    // The appointments part provides the reader and imports this module: looked up across
    // the application, as availability does, since a constructor injection would be a cycle.
    try {
      this.reader = this.moduleRef.get<BookedTimeReader>(BOOKED_TIME_READER, { strict: false });
    } catch {
      throw new Error('the waitlist needs a BOOKED_TIME_READER provider (from appointments)');
    }
  }

  async taken(freedBy: string, slot: FreedSlot): Promise<boolean> {
    if (!this.reader) throw new Error('SlotTakenCheck used before the module started');
    const held = await this.reader.bookedIntervals(
      slot.providerId,
      new Date(slot.start),
      new Date(slot.end),
    );
    // The cancelled visit's own claim may linger when its release failed; it holds nothing.
    return held.some((visit) => visit.appointmentId !== freedBy);
  }
}
