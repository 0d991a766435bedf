import { Inject, Injectable } from '@nestjs/common';
import { AvailabilityService } from '../availability/availability.port';
import { CredentialGate, CredentialNotCurrentError } from '../credentials/credential-gate';
import { DIRECTORY_READER, DirectoryReader, StaffListing } from '../directory/directory.port';
import { AppointmentRuleError } from './domain/appointment.errors';
import type { VisitType } from './domain/appointment.events';
import type { OneOf } from '../booking-ledger/ledger-claims';
import { interpreterCandidates } from './interpreter-pool';

/** No interpreter of the language can be held for the visit (HTTP 409). */
export class InterpreterUnavailableError extends Error {
  override readonly name = 'InterpreterUnavailableError';
}

/** The visit an interpreter is asked for. */
export interface InterpreterVisit {
  readonly appointmentId: string;
  /** The visit's provider, who is never also its interpreter. */
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly visitType: VisitType;
}

const utc = (instant: string): string => new Date(instant).toISOString().slice(0, 16) + 'Z';

/**
 * Turns "an interpreter of this language" (or one named interpreter) into the ledger claims a
 * booking tries: reads the pool from the directory, their credentials and schedules (one read
 * each for the whole pool), keeps those who may interpret this visit, and leaves being free to
 * the ledger. A named interpreter who may not is refused with why.
 */
@Injectable()
export class InterpreterClaims {
  constructor(
    @Inject(DIRECTORY_READER) private readonly directory: DirectoryReader,
    private readonly credentials: CredentialGate,
    private readonly availability: AvailabilityService,
  ) {}

  async forVisit(
    visit: InterpreterVisit,
    language: string,
    now: Date,
    participantId?: string,
  ): Promise<OneOf> {
    if (participantId === visit.providerId)
      throw new AppointmentRuleError("the visit's provider cannot also be its interpreter");
    const pool = (
      participantId ? await this.named(participantId) : await this.directory.interpreters(language)
    ).filter((staff) => staff.staffId !== visit.providerId);
    const ids = pool.map((staff) => staff.staffId);
    const request = {
      start: new Date(visit.start),
      end: new Date(visit.end),
      visitType: visit.visitType,
    };
    const [credentials, duties] = await Promise.all([
      this.credentials.interpretersFor(ids, now, visit.end),
      this.availability.dutiesFor(ids, request),
    ]);
    const { candidates, passedOver } = interpreterCandidates(
      language,
      pool.map((staff) => ({
        staff,
        credential: credentials.get(staff.staffId) ?? { allowed: true },
        duty: duties.get(staff.staffId),
      })),
    );
    const refusal = passedOver[0];
    if (participantId && refusal) {
      if (refusal.why === 'language' || refusal.why === 'not-an-interpreter')
        throw new AppointmentRuleError(refusal.detail);
      if (refusal.why === 'credential') throw new CredentialNotCurrentError(refusal.detail);
      throw new InterpreterUnavailableError(refusal.detail);
    }
    const none = () =>
      new InterpreterUnavailableError(
        participantId
          ? `the interpreter is not free from ${utc(visit.start)} to ${utc(visit.end)}`
          : `no interpreter of ${language} is free from ${utc(visit.start)} to ${utc(visit.end)}`,
      );
    if (candidates.length === 0) throw none();
    return {
      oneOf: candidates.map(({ staffId, bufferBeforeMinutes, bufferAfterMinutes }) => ({
        owner: { kind: 'interpreter', id: staffId },
        time: {
          appointmentId: visit.appointmentId,
          visitStart: visit.start,
          visitEnd: visit.end,
          bufferBeforeMinutes,
          bufferAfterMinutes,
        },
      })),
      none,
    };
  }

  /**
   * The interpreter a moved visit holds: the same one when they may and are free at the new
   * time, else another of the pool who speaks the language. Without the language (the patient
   * was erased since) only the same interpreter is tried.
   */
  async forMove(
    visit: InterpreterVisit,
    interpreterId: string,
    language: string | undefined,
    now: Date,
  ): Promise<OneOf> {
    if (!language) {
      const [staff] = await this.named(interpreterId);
      return this.forVisit(visit, staff?.languages[0] ?? '', now, interpreterId);
    }
    const pool = await this.forVisit(visit, language, now);
    const same = pool.oneOf.filter((claim) => claim.owner.id === interpreterId);
    const others = pool.oneOf.filter((claim) => claim.owner.id !== interpreterId);
    return { ...pool, oneOf: [...same, ...others] };
  }

  /**
   * An interpreter drawn on demand: the pool is checked (credential, at work) for the rest of
   * the visit, from `from` to its end, and that is the time held. Each claim stays the visit's
   * own (its start and end), so cancelling or moving the visit releases it like a held one.
   */
  async forDraw(
    visit: InterpreterVisit,
    language: string,
    from: string,
    now: Date,
  ): Promise<OneOf> {
    const rest = await this.forVisit({ ...visit, start: from }, language, now);
    return {
      ...rest,
      oneOf: rest.oneOf.map((claim) => ({
        ...claim,
        time: {
          ...claim.time,
          visitStart: visit.start,
          heldFrom: from,
          bufferBeforeMinutes: 0,
        },
      })),
    };
  }

  private async named(staffId: string): Promise<readonly StaffListing[]> {
    const staff = await this.directory.staffMember(staffId);
    if (!staff)
      throw new AppointmentRuleError(
        `interpreter ${staffId} is not in the directory: record them with their languages first`,
      );
    return [staff];
  }
}
