import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AggregateRepository, ConcurrencyError, MongoEventStore } from '@thc/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  APPOINTMENT_SETTINGS,
  AppointmentSettings,
  MAX_BUFFER_MINUTES,
} from '../appointments/appointments.settings';
import { BOOKING_LEDGER_STORE } from './booking-ledger.event-store';
import { CLAIM_HOLDERS, ClaimHolders } from './claim-holders.port';
import {
  Claim,
  LedgerContentionError,
  OneOf,
  TimeRequest,
  TimeUnavailableError,
} from './ledger-claims';
import type { LedgerOwner } from './ledger-owner';
import {
  ClaimTime,
  LedgerCommand,
  ledgerDecider,
  LedgerState,
  ReleaseTime,
  TimeTakenError,
} from './ledger.decider';
import { CachedDay, LedgerCache } from './ledger-cache';
import { LedgerDayViews } from './ledger-day-views.projection';
import { ClaimedTime, LedgerEvent, ReleaseWhy } from './ledger.events';
import { heldInterval, patientDayStream, providerDayStream, utcDaysTouched } from './ledger-days';

const MAX_ATTEMPTS = 8;

/** The days changed by one operation, newest version of each: their views are written at once. */
type TouchedDays = Map<string, CachedDay>;

const streamOf = (owner: LedgerOwner, day: string): string =>
  owner.kind === 'patient' ? patientDayStream(owner.id, day) : providerDayStream(owner.id, day);

/**
 * Claims and releases time in per-owner, per-UTC-day ledger streams. Every claim is load,
 * decide, append with the loaded version: of two bookings racing for one day exactly one
 * append lands; the other reloads, sees the overlap and is refused. Nothing is checked and
 * then written without the version guarding it.
 */
@Injectable()
export class BookingLedger {
  private readonly ledgers: AggregateRepository<LedgerState, LedgerCommand, LedgerEvent>;
  private readonly logger = new Logger(BookingLedger.name);
  private readonly cache = new LedgerCache();

  private holders?: ClaimHolders;

  constructor(
    @Inject(BOOKING_LEDGER_STORE) store: MongoEventStore,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
    private readonly views: LedgerDayViews,
    private readonly moduleRef: ModuleRef,
  ) {
    this.ledgers = new AggregateRepository(store, ledgerDecider);
  }

  /**
   * Claims every day the held time touches. All or nothing: when one day refuses, the days
   * already claimed are released before the error is thrown.
   */
  async claim(owner: LedgerOwner, request: TimeRequest, at: Date): Promise<void> {
    const touched: TouchedDays = new Map();
    try {
      await this.claimDays(owner, request, at, touched);
    } finally {
      await this.views.saveAll(touched);
    }
  }

  private async claimDays(
    owner: LedgerOwner,
    request: TimeRequest,
    at: Date,
    touched: TouchedDays,
  ): Promise<void> {
    const whole = heldInterval(
      request.visitStart,
      request.visitEnd,
      request.bufferBeforeMinutes,
      request.bufferAfterMinutes,
    );
    const held = request.heldFrom
      ? { ...whole, start: new Date(request.heldFrom).toISOString() }
      : whole;
    const claimed: string[] = [];
    try {
      for (const day of utcDaysTouched(held.start, held.end)) {
        const command: ClaimTime = {
          type: 'ClaimTime',
          appointmentId: request.appointmentId,
          visitStart: new Date(request.visitStart).toISOString(),
          visitEnd: new Date(request.visitEnd).toISOString(),
          ...held,
          at: at.toISOString(),
          staleAfterMs: this.settings.claimTimeoutMs,
          abandoned: [],
        };
        await this.claimDay(owner, streamOf(owner, day), command, touched);
        claimed.push(day);
      }
    } catch (error) {
      await this.releaseDays(owner, claimed, request, 'compensation', at, touched);
      throw error;
    }
  }

  /**
   * Claims each owner's time in turn, then runs `work` (the append that makes the booking
   * real). In turn, not at once: under contention the first owner (the provider) refuses most
   * requests, and a claim made in parallel would only have to be written and released again.
   * The views of every day claimed are written once, before the work. When a claim or the work
   * fails, the time already claimed is given back before the error goes on; a release that
   * fails is logged, and that claim expires on its own.
   */
  async holding<T>(
    claims: readonly (Claim | OneOf)[],
    at: Date,
    work: (held: readonly Claim[]) => Promise<T>,
  ): Promise<T> {
    const held: Claim[] = [];
    const touched: TouchedDays = new Map();
    try {
      for (const claim of claims) {
        held.push(
          'oneOf' in claim
            ? await this.claimOneOf(claim, at, touched)
            : await this.claimDays(claim.owner, claim.time, at, touched).then(() => claim),
        );
      }
    } catch (error) {
      await this.releaseAll(held, 'compensation', at, touched);
      await this.views.saveAll(touched);
      throw error;
    }
    await this.views.saveAll(touched);
    try {
      return await work(held);
    } catch (error) {
      await this.releaseQuietly(held, 'compensation', at);
      throw error;
    }
  }

  /**
   * The first owner of the pool whose claim holds. One taken is passed over; when all are
   * taken, `none()`; when some could not be decided for contention, the retryable contention
   * error instead (one of them may free up on a retry).
   */
  private async claimOneOf(pool: OneOf, at: Date, touched: TouchedDays): Promise<Claim> {
    let contended = false;
    for (const claim of pool.oneOf) {
      try {
        await this.claimDays(claim.owner, claim.time, at, touched);
        return claim;
      } catch (error) {
        if (error instanceof LedgerContentionError) contended = true;
        else if (!(error instanceof TimeUnavailableError)) throw error;
      }
    }
    throw contended ? new LedgerContentionError() : pool.none();
  }

  /**
   * Releases time and logs instead of throwing: for clean-up after the outcome is decided.
   * The views of every day released are written once, at the end.
   */
  async releaseQuietly(claims: readonly Claim[], why: ReleaseWhy, at: Date): Promise<void> {
    const touched: TouchedDays = new Map();
    await this.releaseAll(claims, why, at, touched);
    await this.views.saveAll(touched);
  }

  private async releaseAll(
    claims: readonly Claim[],
    why: ReleaseWhy,
    at: Date,
    touched: TouchedDays,
  ): Promise<void> {
    await Promise.all(
      claims.map(({ owner, time }) =>
        this.releaseAround(owner, time, why, at, touched).catch((error: unknown) =>
          this.logger.warn(`could not release ${owner.kind} time: ${(error as Error).message}`),
        ),
      ),
    );
  }

  /** Releases the visit's claim wherever it is; a day without it is left unchanged. */
  async release(
    owner: LedgerOwner,
    request: Pick<TimeRequest, 'appointmentId' | 'visitStart' | 'visitEnd'>,
    why: ReleaseWhy,
    at: Date,
  ): Promise<void> {
    const touched: TouchedDays = new Map();
    try {
      await this.releaseAround(owner, request, why, at, touched);
    } finally {
      await this.views.saveAll(touched);
    }
  }

  private async releaseAround(
    owner: LedgerOwner,
    request: Pick<TimeRequest, 'appointmentId' | 'visitStart' | 'visitEnd'>,
    why: ReleaseWhy,
    at: Date,
    touched: TouchedDays,
  ): Promise<void> {
    const around = heldInterval(
      request.visitStart,
      request.visitEnd,
      MAX_BUFFER_MINUTES,
      MAX_BUFFER_MINUTES,
    );
    const days = utcDaysTouched(around.start, around.end);
    await this.releaseDays(owner, days, request, why, at, touched);
  }

  /** The days' claims as their views hold them (for searches; bookings use the streams). */
  claimsViewed(owner: LedgerOwner, days: readonly string[]): Promise<ClaimedTime[]> {
    return this.views.claimsOf(days.map((day) => streamOf(owner, day)));
  }

  /** Claims held in an owner's days, oldest day first, from the streams themselves. */
  async claimsOn(owner: LedgerOwner, days: readonly string[]): Promise<ClaimedTime[]> {
    const touched: TouchedDays = new Map();
    const states = await Promise.all(days.map((day) => this.reload(streamOf(owner, day), touched)));
    await this.views.saveAll(touched);
    return states.flatMap(({ state }) => state.claims);
  }

  /**
   * One day's claim. The first try decides on the day as this process last saw it (an unseen
   * day as empty) and appends with that version, with no read at all: if the day moved on, the
   * append is refused and the day is reloaded. A refusal decided on a cached day is never
   * believed either: the day is reloaded and decided again before anyone gets a 409.
   */
  private async claimDay(
    owner: LedgerOwner,
    streamId: string,
    command: ClaimTime,
    touched: TouchedDays,
  ): Promise<void> {
    let day = this.cache.get(streamId) ?? { state: ledgerDecider.initialState(), version: 0 };
    let fresh = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let events: readonly LedgerEvent[];
      try {
        events = await this.decideClaim(command, day.state, owner);
      } catch (error) {
        if (fresh || !(error instanceof TimeUnavailableError)) throw error;
        day = await this.reload(streamId, touched);
        fresh = true;
        attempt--;
        continue;
      }
      if (events.length === 0) return;
      try {
        const { state, version } = await this.ledgers.append(streamId, { before: day, events });
        this.remember(touched, streamId, { state, version });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Someone else changed this day: back off a little (jittered), reload, decide again.
        if (fresh) await sleep(Math.random() * 10 * attempt);
        day = await this.reload(streamId, touched);
        fresh = true;
      }
    }
    throw new LedgerContentionError();
  }

  private async reload(streamId: string, touched: TouchedDays): Promise<CachedDay> {
    const day = await this.ledgers.load(streamId);
    this.remember(touched, streamId, day);
    return day;
  }

  /** A day as it is now: cached for the next decision, and its view to be written. */
  private remember(touched: TouchedDays, streamId: string, day: CachedDay): void {
    this.cache.set(streamId, day);
    const known = touched.get(streamId);
    if (!known || known.version < day.version) touched.set(streamId, day);
  }

  /**
   * Decides the claim; when only old claims stand in the way, checks whether their
   * appointments hold that time at all, and decides again with the abandoned ones set aside.
   */
  private async decideClaim(
    command: ClaimTime,
    state: LedgerState,
    owner: LedgerOwner,
  ): Promise<readonly LedgerEvent[]> {
    try {
      return toArray(ledgerDecider.decide(command, state));
    } catch (error) {
      if (!(error instanceof TimeTakenError)) throw error;
      if (error.stale.length < error.holders.length) throw new TimeUnavailableError(owner.kind);
      const abandoned = await this.abandoned(error.stale, owner);
      if (abandoned.length < error.stale.length) throw new TimeUnavailableError(owner.kind);
      return toArray(ledgerDecider.decide({ ...command, abandoned }, state));
    }
  }

  /**
   * Appointments that do not hold the time of their claim: never booked, moved, cancelled, or
   * holding that time with other staff (another provider, another interpreter).
   */
  private async abandoned(claims: readonly ClaimedTime[], owner: LedgerOwner): Promise<string[]> {
    const holders = this.claimHolders();
    const held = await Promise.all(claims.map((claim) => holders.holdsTime(claim, owner)));
    return claims.filter((_, i) => !held[i]).map((claim) => claim.appointmentId);
  }

  /**
   * Found across the whole application when first needed: the appointments part provides it
   * and imports this part, so a constructor injection would be a module cycle.
   */
  private claimHolders(): ClaimHolders {
    this.holders ??= this.moduleRef.get<ClaimHolders>(CLAIM_HOLDERS, { strict: false });
    return this.holders;
  }

  private async releaseDays(
    owner: LedgerOwner,
    days: readonly string[],
    request: Pick<TimeRequest, 'appointmentId' | 'visitStart' | 'visitEnd'>,
    why: ReleaseWhy,
    at: Date,
    touched: TouchedDays,
  ): Promise<void> {
    const command: ReleaseTime = {
      type: 'ReleaseTime',
      appointmentId: request.appointmentId,
      visitStart: new Date(request.visitStart).toISOString(),
      visitEnd: new Date(request.visitEnd).toISOString(),
      at: at.toISOString(),
      why,
    };
    await Promise.all(
      days.map(async (day) => {
        const streamId = streamOf(owner, day);
        this.remember(touched, streamId, await this.releaseDay(streamId, command));
      }),
    );
  }

  /**
   * One day's release. A day this process saw holding the claim is released with no read: the
   * append carries the version it saw, so a day that moved on refuses it. Any other day (not
   * seen, moved on, or seen without the claim, which another instance may have made since) is
   * loaded and decided on as it is.
   */
  private async releaseDay(streamId: string, command: ReleaseTime): Promise<CachedDay> {
    const seen = this.cache.get(streamId);
    const events = seen ? toArray(ledgerDecider.decide(command, seen.state)) : [];
    if (seen && events.length > 0) {
      try {
        const { state, version } = await this.ledgers.append(streamId, { before: seen, events });
        return { state, version };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    const released = await this.ledgers.handle(streamId, command, {
      retryOnConflict: MAX_ATTEMPTS,
    });
    return { state: released.state, version: released.version };
  }
}

const toArray = (decided: LedgerEvent | readonly LedgerEvent[]): readonly LedgerEvent[] =>
  Array.isArray(decided) ? decided : [decided as LedgerEvent];
