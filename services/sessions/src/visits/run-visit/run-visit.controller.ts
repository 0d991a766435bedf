import { Body, Controller, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { ParseUuidParam, PhiRead } from '@thc/service-runtime';
import { NOT_YOUR_VISIT, SESSION_PHI } from '../../openapi/api-docs';
import type { SessionState } from '../domain/session.state';
import { asHttp } from '../http-errors';
import {
  END_SESSION_EXAMPLE,
  EndSessionDto,
  TRANSFER_PROVIDER_EXAMPLE,
  TransferProviderDto,
} from './run-visit.dto';
import { RunVisitHandler } from './run-visit.handler';
import { SessionResponse, toResponse } from '../session.response';
import { SessionCommandDoc, SessionCommandRoute } from '../session-command.route';

const phi = PhiRead({
  resource: 'Encounter',
  patients: (body) => [(body as SessionResponse).patientId],
  resourceId: (body) => (body as SessionResponse).sessionId,
});

const ROLES = ['provider', 'coordinator', 'admin'] as const;
// A provider runs only the visits of a current care relationship, as they read them.
const NOT_YOURS_NOW = `${NOT_YOUR_VISIT.slice(0, -1)}, or the provider's care window (CARE_RELATIONSHIP_DAYS, default 90, after their last visit with the patient; a cancelled visit only until its cancellation) has closed.`;
const PHI = `the session: ${SESSION_PHI}`;

function respond(handled: { state: SessionState; version: number }): SessionResponse {
  if (handled.state.status === 'none') throw new NotFoundException('no such session');
  return toResponse(handled.state, handled.version);
}

/** What every command on the visit shares: its callers, and the session as the answer. */
const VISIT_COMMAND = { roles: ROLES, phi: PHI, purposeOfUse: true } as const;

const COMMANDS = {
  start: {
    ...VISIT_COMMAND,
    path: 'start',
    summary: 'Start the visit',
    description:
      "Starts the visit once the patient's telehealth consent is active (the consent gate), the patient has confirmed where they are in the last 60 minutes (`POST .../patient-location`) and the provider holds a licence active in that state. A start without them, or on a closed session, is refused and the refusal recorded, so the audit sees the rule held; the answer says what a coordinator can do (transfer to a provider licensed there, or ask the patient to confirm their location).",
    errors: {
      403: NOT_YOURS_NOW,
      409: 'The patient has no active telehealth consent (none on record, revoked or expired), has not confirmed their location in the last 60 minutes, or is in a state where the provider holds no active licence; or the session is closed or already started, or it changed at the same time.',
    },
    answer: { status: 200, type: SessionResponse, description: 'The session, in progress' },
  },
  admit: {
    ...VISIT_COMMAND,
    path: 'admit',
    summary: 'Admit the patient from the waiting room',
    description:
      'Lets the waiting patient into the video room; their next join gets the room. The time they waited is recorded for analytics.',
    errors: {
      403: NOT_YOURS_NOW,
      409: 'The session has ended, the patient was admitted already, or the session changed at the same time.',
      422: 'The patient is not in the waiting room.',
    },
    answer: { status: 200, type: SessionResponse, description: 'The session, patient admitted' },
  },
  transfer: {
    ...VISIT_COMMAND,
    path: 'transfer',
    summary: 'Hand the visit to another provider',
    description:
      'The previous provider leaves the room and their links stop working; the new provider runs the visit from now on and needs a join link of their own. The new provider must hold a current telehealth credential and, once the patient has confirmed where they are, a licence active in that state.',
    errors: {
      403: NOT_YOURS_NOW,
      409: 'The new provider has no current telehealth credential, or no active licence in the state the patient confirmed (nothing is recorded); or the session has ended, or it changed at the same time.',
      422: 'That provider already runs the visit, or already takes part in it in another role.',
    },
    body: { type: TransferProviderDto, example: TRANSFER_PROVIDER_EXAMPLE },
    answer: {
      status: 200,
      type: SessionResponse,
      description: 'The session, with its new provider',
    },
  },
  end: {
    ...VISIT_COMMAND,
    path: 'end',
    summary: 'End the visit with its outcome',
    description:
      "Ends the visit: everyone leaves the room and the outcome is recorded with the facts analytics reads (duration, audio-only, connection quality per participant). `completed` and `ended-technical-failure` need a visit that started; a no-show needs one that did not, after its scheduled start (and, for the patient's, a patient who never arrived).",
    errors: {
      403: NOT_YOURS_NOW,
      409: 'The session has ended already, or it changed at the same time.',
      422: 'The outcome does not fit the visit: completed without a start, a no-show of a visit that started or has not reached its scheduled start, or a patient no-show of a patient who arrived.',
    },
    body: { type: EndSessionDto, example: END_SESSION_EXAMPLE },
    answer: { status: 200, type: SessionResponse, description: 'The session, ended' },
  },
} satisfies Record<string, SessionCommandDoc>;

/** The provider runs the visit: start (consent gate), admit from the waiting room, end. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId')
export class RunVisitController {
  constructor(private readonly handler: RunVisitHandler) {}

  @SessionCommandRoute(COMMANDS.start)
  @phi
  async start(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.start(sessionId, principal)));
  }

  @SessionCommandRoute(COMMANDS.admit)
  @phi
  async admit(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.admit(sessionId, principal)));
  }

  /** Hands the visit to another provider, who then gets a link of their own. */
  @SessionCommandRoute(COMMANDS.transfer)
  @phi
  async transfer(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: TransferProviderDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.transfer(sessionId, dto.providerId, principal)));
  }

  @SessionCommandRoute(COMMANDS.end)
  @phi
  async end(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: EndSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.end(sessionId, dto.outcome, principal)));
  }
}
