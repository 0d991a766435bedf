import { randomUUID } from 'node:crypto';
import { firstSlotAfter, nthOpenSlot } from '../../tests/e2e/src/scenario/bookings.steps';
import { healthSystem, HealthSystem, Provider } from '../../tests/e2e/src/scenario/health-system';

/** One booking the run will make: who, with whom, when, and whether its visit is run too. */
export interface PlannedBooking {
  readonly patientId: string;
  readonly provider: Provider;
  readonly start: Date;
  readonly visited: boolean;
  /**
   * `providerId|YYYY-MM-DD` of a booking alone on its provider's day, so the analyst API's
   * per-provider, per-day `scheduled` count shows exactly when this booking arrived there.
   * Visited bookings share the next 24 hours with each other and carry none.
   */
  readonly analyticsRow?: string;
}

export interface BookingPlan {
  readonly system: HealthSystem;
  readonly bookings: readonly PlannedBooking[];
  /** The calendar days (UTC, inclusive) holding the measured one-booking rows. */
  readonly measuredDays: { readonly from: string; readonly to: string };
}

const DAY_MS = 86_400_000;
/** Measured rows start two days out, clear of the visited bookings of the next 24 hours. */
const FIRST_MEASURED_DAY = 2;
/** The scenario's schedules open 60 days ahead; the last day is kept for set-up probes. */
const LAST_MEASURED_DAY = 58;
/** Visits must start within a day of now: join links open at most 24 hours before. */
const VISIT_SLOTS_PER_PROVIDER = 40;

/**
 * Spreads `total` bookings over just enough providers: every visited booking gets a consented
 * patient and a slot within the next 24 hours (links can be used); every other booking gets a
 * new patient and a provider-day of its own, at 10:00 UTC, from two days out.
 */
export function planBookings(total: number, visitShare: number, now: Date): BookingPlan {
  // Evenly spaced rather than random, so that every step has its share of visits.
  const visited = Array.from(
    { length: total },
    (_, n) => Math.floor((n + 1) * visitShare) > Math.floor(n * visitShare),
  );
  const visits = visited.filter(Boolean).length;
  const measuredDays = LAST_MEASURED_DAY - FIRST_MEASURED_DAY + 1;
  const providers = Math.max(
    3,
    Math.ceil((total - visits) / measuredDays),
    Math.ceil(visits / VISIT_SLOTS_PER_PROVIDER),
  );
  const system = healthSystem({ providers, patients: visits });
  const firstVisit = firstSlotAfter(now, 20);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let visitIndex = 0;
  let otherIndex = 0;
  const bookings = visited.map((isVisit): PlannedBooking => {
    if (isVisit) {
      const n = visitIndex++;
      return {
        patientId: nth(system.patients, n),
        provider: nth(system.providers, n % providers),
        start: nthOpenSlot(firstVisit, Math.floor(n / providers)),
        visited: true,
      };
    }
    const n = otherIndex++;
    const provider = nth(system.providers, n % providers);
    const day = today + (FIRST_MEASURED_DAY + Math.floor(n / providers)) * DAY_MS;
    return {
      patientId: randomUUID(),
      provider,
      start: new Date(day + 10 * 3_600_000),
      visited: false,
      analyticsRow: `${provider.id}|${isoDay(day)}`,
    };
  });
  return {
    system,
    bookings,
    measuredDays: {
      from: isoDay(today + FIRST_MEASURED_DAY * DAY_MS),
      to: isoDay(today + LAST_MEASURED_DAY * DAY_MS),
    },
  };
}

/** A slot on the day after the measured ones, for set-up bookings that must not be counted. */
export function probeSlot(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today + (LAST_MEASURED_DAY + 1) * DAY_MS + 10 * 3_600_000);
}

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`plan: no item ${index} of ${list.length}`);
  return item;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
