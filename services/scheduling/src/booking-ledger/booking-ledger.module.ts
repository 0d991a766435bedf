import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { CredentialsModule } from '../credentials/credentials.module';
import { BookingLedger } from './booking-ledger';
import { BOOKING_LEDGER_STORE, createBookingLedgerStore } from './booking-ledger.event-store';
import { BOOKED_TIME_READER, LedgerBookedTimeReader } from './ledger-booked-time.reader';
import { LedgerDayViews } from './ledger-day-views.projection';

/**
 * The booking ledger: per-owner, per-day claims that keep anyone from being booked twice, and
 * the booked time slot search reads. Needs a `CLAIM_HOLDERS` provider in the application (the
 * appointments part) to tell abandoned claims from held ones; the scheduling settings come
 * from CredentialsModule, their one provider.
 */
@Module({
  imports: [CredentialsModule],
  providers: [
    BookingLedger,
    LedgerDayViews,
    LedgerBookedTimeReader,
    { provide: BOOKED_TIME_READER, useExisting: LedgerBookedTimeReader },
    {
      provide: BOOKING_LEDGER_STORE,
      inject: [getConnectionToken()],
      useFactory: createBookingLedgerStore,
    },
  ],
  exports: [BookingLedger, LedgerBookedTimeReader, BOOKED_TIME_READER],
})
export class BookingLedgerModule {}
