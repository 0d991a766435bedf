import { Body, Controller, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { PARTICIPANT_PARAMS } from '../../openapi/api-docs';
import { QualitySampleRefusedError } from '../domain/session.errors';
import { QUALITY_SAMPLE_LIMITS } from '../domain/quality-sample-limits';
import { asHttp } from '../http-errors';
import { SessionCommandDoc, SessionCommandRoute } from '../session-command.route';
import { InVisitHandler } from './in-visit.handler';
import {
  AUDIO_ONLY_EXAMPLE,
  AudioOnlyDto,
  LEAVE_EXAMPLE,
  LeaveDto,
  QUALITY_SAMPLE_EXAMPLE,
  QualitySampleDto,
} from './in-visit.dto';
import { ParseUuidParam } from '@thc/service-runtime';

const ROLES = ['patient', 'provider', 'coordinator', 'admin'] as const;
const PHI = 'none: the answer is empty';
const NOT_THEIRS =
  "The role is not one admitted here, the caller is neither staff, the session's provider nor its patient, or a patient reports for another participant.";
const ENDED = 'The session has ended, or it changed at the same time.';

/** What every report shares: its callers, its path, and an empty answer. */
const PARTICIPANT_REPORT = {
  roles: ROLES,
  phi: PHI,
  params: PARTICIPANT_PARAMS,
  answer: { status: 204, description: 'Recorded' },
} as const;

const REPORTS = {
  leave: {
    ...PARTICIPANT_REPORT,
    path: 'leave',
    summary: 'Report that a participant left or dropped',
    description:
      'The participant left the room (`left`) or lost the connection (`disconnected`, a drop). The third drop of one participant opens a connection issue for the coordinators, unless one is open already.',
    errors: {
      403: NOT_THEIRS,
      409: ENDED,
      422: 'The participant is not one of the visit, or is not in the room.',
    },
    body: { type: LeaveDto, example: LEAVE_EXAMPLE },
  },
  sample: {
    ...PARTICIPANT_REPORT,
    path: 'quality-samples',
    summary: 'Report a connection-quality sample',
    description: `One sample of the participant's connection (round trip, jitter, packet loss, bitrate, and MOS if the client measures it). The service derives the quality band, and the MOS when it is not reported; the visit's summary for analytics is made of these samples. A participant may send at most ${QUALITY_SAMPLE_LIMITS.perWindow} samples per ${QUALITY_SAMPLE_LIMITS.windowSeconds} seconds and ${QUALITY_SAMPLE_LIMITS.perSession} per session, so one client cannot flood the session's record or the audit trail.`,
    errors: {
      403: NOT_THEIRS,
      409: ENDED,
      422: 'The participant is not one of the visit, or is not in the room.',
      429: 'The participant sent samples faster than the limit (`Retry-After` says when to send the next), or as many as a session keeps; nothing is recorded.',
    },
    body: { type: QualitySampleDto, example: QUALITY_SAMPLE_EXAMPLE },
  },
  joinFailed: {
    ...PARTICIPANT_REPORT,
    path: 'join-failed',
    summary: 'Report that a participant could not enter the room',
    description:
      "The participant's client could not connect to the video room: a connection issue is opened for the coordinators (one per participant while it is open), and the failure counts toward platform incidents.",
    errors: {
      403: NOT_THEIRS,
      409: 'The session changed at the same time.',
      422: 'The participant is not one of the visit.',
    },
  },
  audioOnly: {
    ...PARTICIPANT_REPORT,
    path: 'audio-only',
    summary: 'Report that a participant fell back to audio only',
    description:
      'The participant continues without video, and why. Reported once per participant; a later report changes nothing. Analytics counts audio-only visits from it.',
    errors: {
      403: NOT_THEIRS,
      409: ENDED,
      422: 'The participant is not one of the visit.',
    },
    body: { type: AudioOnlyDto, example: AUDIO_ONLY_EXAMPLE },
  },
} satisfies Record<string, SessionCommandDoc>;

/** Reports from a participant's media client during the visit; answers carry no patient data. */
@ApiTags('during the visit')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId/participants/:participantId')
export class InVisitController {
  constructor(private readonly handler: InVisitHandler) {}

  /** A leave, or a drop (`disconnected`); three drops open a connection issue. */
  @SessionCommandRoute(REPORTS.leave)
  async leave(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('participantId', ParseUuidParam) participantId: string,
    @Body() dto: LeaveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.leave(sessionId, participantId, dto, principal));
  }

  /** One connection-quality sample; the band and (if not reported) MOS are derived. */
  @SessionCommandRoute(REPORTS.sample)
  async sample(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('participantId', ParseUuidParam) participantId: string,
    @Body() dto: QualitySampleDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<void> {
    await asHttp(async () => {
      try {
        await this.handler.sample(sessionId, participantId, dto, principal);
      } catch (error) {
        if (error instanceof QualitySampleRefusedError && error.refusal.kind === 'too-frequent')
          response.setHeader('Retry-After', String(error.refusal.retryAfterSeconds));
        throw error;
      }
    });
  }

  /** The participant's client could not enter the room (counts toward platform incidents). */
  @SessionCommandRoute(REPORTS.joinFailed)
  async joinFailed(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('participantId', ParseUuidParam) participantId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.joinFailed(sessionId, participantId, principal));
  }

  /** The participant's media fell back to audio only (once; later reports change nothing). */
  @SessionCommandRoute(REPORTS.audioOnly)
  async audioOnly(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('participantId', ParseUuidParam) participantId: string,
    @Body() dto: AudioOnlyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.audioOnly(sessionId, participantId, dto, principal));
  }
}
