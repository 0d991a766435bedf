import { Inject, Injectable } from '@nestjs/common';
import { BOOKED_TIME_READER, BookedTimeReader } from '../booking-ledger/ledger-booked-time.reader';
import { Bookability, BookingRequest, isBookable } from './domain/bookability';
import { Duty, dutyFor } from './domain/on-duty';
import type { BookedInterval } from './domain/booked-interval';
import type { ProviderSchedule, VisitType } from './domain/schedule-rules';
import { periodAt } from './domain/schedule-periods';
import { ProviderScheduleRepository } from './infrastructure/provider-schedule.repository';

export type { Bookability, BookingRefusal, BookingRequest } from './domain/bookability';
export type { Duty } from './domain/on-duty';
export type { BookedInterval } from './domain/booked-interval';
export type { ProviderSchedule, VisitType } from './domain/schedule-rules';

/** The booked time availability subtracts; the booking ledger provides it. */
export { BOOKED_TIME_READER, type BookedTimeReader };

/** A local day lasts at most 25 hours and zones sit within ±14 h of UTC: this margin covers them. */
const DAY_MARGIN_MS = 40 * 3_600_000;

export interface SlotCheck {
  readonly providerId: string;
  /** ISO-8601 with an offset. */
  readonly start: string;
  readonly end: string;
  readonly visitType: VisitType;
}

/**
 * What the appointments part needs from availability: the schedule in force and the check a
 * booking must pass. Overlaps under concurrency stay the booking ledger's to decide.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly schedules: ProviderScheduleRepository,
    @Inject(BOOKED_TIME_READER) private readonly bookedTime: BookedTimeReader,
  ) {}

  /** The provider's schedule (from its read model), or undefined when none was ever defined. */
  async schedule(providerId: string): Promise<ProviderSchedule | undefined> {
    return this.schedules.current(providerId);
  }

  /**
   * Whether each person is at work through the visit by their own schedule (an interpreter
   * joining a provider's visit), in one read of their schedules; undefined for no schedule.
   */
  async dutiesFor(
    ownerIds: readonly string[],
    request: BookingRequest,
  ): Promise<ReadonlyMap<string, Duty | undefined>> {
    const schedules = await this.schedules.currentOfAll(ownerIds);
    return new Map(
      ownerIds.map((id) => {
        const schedule = schedules.get(id);
        return [id, schedule ? dutyFor(schedule, request) : undefined];
      }),
    );
  }

  /** Pure: whether the schedule admits this visit, given the provider's other visits. */
  isBookable(
    schedule: ProviderSchedule,
    request: BookingRequest,
    booked: readonly BookedInterval[],
    now: Date,
  ): Bookability {
    return isBookable(schedule, request, booked, now);
  }

  /** Whether the schedule in force at `at` caps the visits of a day (then booked time counts). */
  limitsVisitsPerDay(schedule: ProviderSchedule, at: Date): boolean {
    return periodAt(schedule, at.getTime())?.dailyMaxVisits !== undefined;
  }

  /** The provider's visits on every local day that [from, to) touches. */
  bookedAround(providerId: string, from: Date, to: Date): Promise<BookedInterval[]> {
    return this.bookedTime.bookedIntervals(
      providerId,
      new Date(from.getTime() - DAY_MARGIN_MS),
      new Date(to.getTime() + DAY_MARGIN_MS),
    );
  }

  /**
   * Loads schedule and visits, then `isBookable`. Pass the visit being moved as `ignore` so a
   * reschedule does not collide with itself.
   */
  async check(
    slot: SlotCheck,
    now: Date,
    ignore?: { appointmentId: string },
  ): Promise<Bookability> {
    const schedule = await this.schedule(slot.providerId);
    if (!schedule) {
      return {
        bookable: false,
        reason: 'outside-availability',
        detail: 'the provider has no schedule',
      };
    }
    const request = {
      start: new Date(slot.start),
      end: new Date(slot.end),
      visitType: slot.visitType,
    };
    const booked = (await this.bookedAround(slot.providerId, request.start, request.end)).filter(
      (visit) => visit.appointmentId !== ignore?.appointmentId,
    );
    return isBookable(schedule, request, booked, now);
  }
}
