import { Controller, ForbiddenException, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { clinicFilterOf, coversClinic, CurrentPrincipal, Principal, Role } from '@thc/auth';
import {
  ApiPurposeOfUse,
  Clock,
  CLOCK,
  invalidInputDoc,
  InvalidInputException,
  PhiAccessRecorder,
  PhiRead,
  purposeOfUse,
  UseCaseRoute,
} from '@thc/service-runtime';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FOREIGN_CLINIC } from '../session-access';
import { openEventStream } from '../infrastructure/event-stream';
import { TodayBoardResponse, TodayQuery } from './today-board.dto';
import { BoardScope, MAX_BOARD_VISITS, TodayBoard } from './today-board.query';
import { TodayBoardStream } from './today-board.stream';
import { MAX_RANGE_HOURS, TodayRange, todayRangeOf } from './today-range';

const ROLES = ['coordinator', 'admin', 'provider'] as const satisfies readonly Role[];

const WHAT =
  "Every visit whose scheduled start is in [from, to) (default: the current UTC day), soonest first, with its clinic, provider and interpreter by name, its live state (booked; checked-in: the patient confirmed where they are or passed a device check; device-check-failed; waiting, with whole minutes waited; in-progress; audio-only; ended; no-show; cancelled), its open technical issues, and its readiness: the patient's telehealth consent and the provider's telehealth credential, with what is missing and whom to ask. Coordinators and admins see the clinics they cover; a provider sees only their own visits.";

const PHI =
  "each visit's patient id, session and appointment ids, clinic, provider and interpreter, scheduled times, live state, open issues and the patient's consent standing";

const ERRORS = {
  400: invalidInputDoc({
    query: true,
    purposeOfUse: true,
    also: `\`to\` is not after \`from\`, or more than ${MAX_RANGE_HOURS} hours later`,
  }),
  403: 'The role is not one admitted here, or `clinicId` names a clinic the caller does not cover.',
};

const isStaff = (principal: Principal): boolean =>
  principal.roles.includes('coordinator') || principal.roles.includes('admin');

/** Whose visits the caller sees: staff their clinics (403 for a clinic not theirs), a provider their own. */
function scopeOf(principal: Principal, clinicId: string | undefined): BoardScope {
  if (!isStaff(principal))
    return { kind: 'provider', providerId: principal.subject, ...(clinicId ? { clinicId } : {}) };
  if (clinicId) {
    if (!coversClinic(principal, clinicId)) throw new ForbiddenException(FOREIGN_CLINIC);
    return { kind: 'clinics', clinicIds: [clinicId] };
  }
  const clinics = clinicFilterOf(principal);
  return clinics === undefined ? { kind: 'every-clinic' } : { kind: 'clinics', clinicIds: clinics };
}

function rangeOf(query: TodayQuery, now: Date): TodayRange {
  const range = todayRangeOf(query, now);
  if ('invalid' in range) throw new InvalidInputException([range.invalid]);
  return range;
}

/** The coordinator's Today board, read once or followed live. */
@ApiTags('today')
@ApiBearerAuth()
@Controller('api/v1/today')
export class TodayBoardController {
  constructor(
    private readonly board: TodayBoard,
    private readonly stream: TodayBoardStream,
    private readonly recorder: PhiAccessRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @PhiRead({
    resource: 'Encounter',
    action: 'search',
    patients: (body) => [...new Set((body as TodayBoardResponse).visits.map((v) => v.patientId))],
  })
  @UseCaseRoute({
    method: 'GET',
    answer: TodayBoardResponse,
    summary: "Read the day's visits with their state and readiness",
    description: `${WHAT} At most ${MAX_BOARD_VISITS} visits: narrow a wider board by clinic or time. The read is recorded as a PHI access.`,
    roles: ROLES,
    phi: PHI,
    errors: ERRORS,
  })
  read(
    @Query() query: TodayQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TodayBoardResponse> {
    const now = this.clock();
    const range = rangeOf(query, now);
    return this.board.read(scopeOf(principal, query.clinicId), range, query.state, now);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'events',
    answer: {
      type: TodayBoardResponse,
      description: 'A stream of `event: board` messages whose `data` is this object.',
    },
    summary: "Follow the day's visits live",
    description: `Server-sent events (\`text/event-stream\`; read it with fetch, which sends the bearer token): a \`board\` event with the whole board, as \`GET /api/v1/today\` answers it, at once and whenever it changes, and a comment every 15 seconds that keeps the stream open. ${WHAT} Without \`from\` and \`to\` the board moves on to the next UTC day at midnight. Each patient is recorded as a PHI access before the first board that shows them, with the purpose in \`X-Purpose-Of-Use\`.`,
    roles: ROLES,
    phi: PHI,
    errors: ERRORS,
  })
  @ApiPurposeOfUse()
  @ApiProduces('text/event-stream')
  async events(
    @Query() query: TodayQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
    @Headers('x-purpose-of-use') stated?: string,
  ): Promise<void> {
    // Refusals come before the stream opens, so they are problem+json like any other.
    const purpose = purposeOfUse(stated, principal, ROLES);
    rangeOf(query, this.clock());
    const scope = scopeOf(principal, query.clinicId);
    await this.stream.follow(
      () => {
        const now = this.clock();
        return this.board.read(scope, rangeOf(query, now), query.state, now);
      },
      (patientIds) =>
        this.recorder.record({
          principal,
          patientIds,
          resource: 'Encounter',
          action: 'search',
          purpose,
          admitted: ROLES,
          at: this.clock(),
        }),
      openEventStream(request, response),
    );
  }
}
