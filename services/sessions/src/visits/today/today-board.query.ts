import { Injectable } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { consentStanding } from '../consent-standing';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import type { Session } from '../domain/session.state';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import {
  ProviderQualifications,
  StaffStanding,
} from '../infrastructure/provider-qualifications.projection';
import { SessionViewDocument, SessionViews } from '../infrastructure/session-views.projection';
import { BoardState, boardStandingOf } from './board-state';
import { readinessMoment, readinessOf } from './readiness';
import type { TodayBoardResponse, TodayVisit } from './today-board.dto';
import type { TodayRange } from './today-range';

/**
 * Whose visits a board shows: those of some clinics (a coordinator's or an admin's scope), of
 * every clinic, or of one provider (their own).
 */
export type BoardScope =
  | { readonly kind: 'clinics'; readonly clinicIds: readonly string[] }
  | { readonly kind: 'every-clinic' }
  | { readonly kind: 'provider'; readonly providerId: string; readonly clinicId?: string };

/**
 * The most visits one board reads: a large health system's two days in the clinics one
 * coordinator covers stay well under it; a wider one is narrowed by clinic or time.
 */
export const MAX_BOARD_VISITS = 2_000;

/** A directory that has not recorded the clinic yet: times are shown in UTC until it does. */
const UNRECORDED_ZONE = 'UTC';

const EVERY_STATUS = ['scheduled', 'in-progress', 'ended'] as const;

/**
 * The selection of one board, on an index of session_views with a range closed on both sides:
 * clinic and start, provider and start, or (every clinic) status and start, every status named
 * so the index serves it.
 */
function selectionOf(scope: BoardScope, range: TodayRange): mongo.Filter<SessionViewDocument> {
  const startsAt = { $gte: range.from, $lt: range.to };
  if (scope.kind === 'provider')
    return {
      providerId: scope.providerId,
      ...(scope.clinicId ? { clinicId: scope.clinicId } : {}),
      startsAt,
    };
  if (scope.kind === 'every-clinic') return { status: { $in: [...EVERY_STATUS] }, startsAt };
  const [only] = scope.clinicIds;
  return {
    clinicId: scope.clinicIds.length === 1 && only ? only : { $in: [...scope.clinicIds] },
    startsAt,
  };
}

const interpreterOf = (session: Session): string | undefined =>
  session.participants.find((participant) => participant.role === 'interpreter')?.participantId;

/**
 * The coordinator's board of the day: every visit of the range with its live state and its
 * readiness. One range read of the session views, then one `$in` read by `_id` each for the
 * patients' consents, the staff's names and credentials, and the clinics' names, side by side:
 * the same four commands for ten visits or two thousand.
 */
@Injectable()
export class TodayBoard {
  constructor(
    private readonly views: SessionViews,
    private readonly consents: TelehealthConsents,
    private readonly staff: ProviderQualifications,
    private readonly clinics: ClinicNames,
  ) {}

  async read(
    scope: BoardScope,
    range: TodayRange,
    state: BoardState | undefined,
    now: Date,
  ): Promise<TodayBoardResponse> {
    const sessions =
      scope.kind === 'clinics' && scope.clinicIds.length === 0
        ? []
        : await this.views.list(selectionOf(scope, range), MAX_BOARD_VISITS);
    const staffIds = sessions
      .flatMap((session) => [session.providerId, interpreterOf(session)])
      .filter((id): id is string => id !== undefined);
    const [consents, staff, clinics] = await Promise.all([
      this.consents.factsOf(sessions.map((s) => s.patientId)),
      this.staff.standingsOf(staffIds),
      this.clinics.placesOf(sessions.map((s) => s.clinicId)),
    ]);
    const visits = sessions.map((session) => {
      const place = clinics.get(session.clinicId);
      return visitOf(session, now, {
        consentFacts: consents.get(session.patientId) ?? [],
        staff,
        clinicName: place?.name,
        timeZone: place?.timeZone ?? UNRECORDED_ZONE,
      });
    });
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      generatedAt: now.toISOString(),
      visits: state ? visits.filter((visit) => visit.state === state) : visits,
    };
  }
}

interface VisitFacts {
  readonly consentFacts: Parameters<typeof consentStanding>[0];
  readonly staff: ReadonlyMap<string, StaffStanding>;
  readonly clinicName: string | undefined;
  readonly timeZone: string;
}

function visitOf(session: Session, now: Date, facts: VisitFacts): TodayVisit {
  const provider = facts.staff.get(session.providerId);
  const interpreterId = interpreterOf(session);
  const interpreterName = interpreterId ? facts.staff.get(interpreterId)?.displayName : undefined;
  const standing = boardStandingOf(session, now);
  const readiness = readinessOf(
    session,
    {
      consent: consentStanding(facts.consentFacts, readinessMoment(session, now)),
      ...(provider?.credential ? { credential: provider.credential } : {}),
      ...(provider?.displayName ? { providerName: provider.displayName } : {}),
      timeZone: facts.timeZone,
    },
    now,
  );
  return {
    sessionId: session.sessionId,
    appointmentId: session.appointmentId,
    clinicId: session.clinicId,
    // Named as plainly as the directory lets: never by a fragment of an id.
    clinicName: facts.clinicName ?? 'Clinic not yet in the directory',
    timeZone: facts.timeZone,
    providerId: session.providerId,
    providerName: provider?.displayName ?? 'Provider not yet in the directory',
    patientId: session.patientId,
    scheduledStart: session.scheduledStart,
    scheduledEnd: session.scheduledEnd,
    ...standing,
    openIssues: session.issues.filter((issue) => issue.open).length,
    ...(interpreterId
      ? {
          interpreter: {
            participantId: interpreterId,
            ...(interpreterName ? { name: interpreterName } : {}),
          },
        }
      : {}),
    readiness: { ...readiness, missing: [...readiness.missing] },
  };
}
