import { Body, Controller, Headers, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, IsAbsentOr, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { IsIn } from 'class-validator';
import {
  ApiAcceptLanguage,
  NOT_YOUR_VISIT,
  SESSION_PARAM,
  uuidParam,
} from '../../openapi/api-docs';
import { languageOf } from '../join-refusals';
import { asHttp } from '../http-errors';
import { checkAnswerOf } from './check-answer';
import { OpenIssues } from './open-issues.query';
import { Device, playbookFor } from './playbook.data';
import {
  ASSIGN_ISSUE_EXAMPLE,
  AssignIssueDto,
  CATEGORIES,
  DEVICES,
  OPEN_ISSUE_EXAMPLE,
  OpenIssueDto,
  PRE_VISIT_CHECK_EXAMPLE,
  PreVisitCheckDto,
  RESOLVE_ISSUE_EXAMPLE,
  ResolveIssueDto,
} from './troubleshooting.dto';
import { TroubleshootingHandler } from './troubleshooting.handler';
import { SessionCommandDoc, SessionCommandRoute } from '../session-command.route';

class PlaybookStepResponse {
  @ApiProperty() step!: string;
  @ApiProperty() text!: string;
}

class CheckResponse {
  @ApiProperty({ enum: ['passed', 'warning', 'failed'] }) result!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The issue opened for a failed check' })
  issueId?: string;
  @ApiProperty({ type: [PlaybookStepResponse] }) steps!: PlaybookStepResponse[];
}

class IssueResponse {
  @ApiProperty({ format: 'uuid' }) issueId!: string;
  @ApiProperty({ type: [PlaybookStepResponse] }) steps!: PlaybookStepResponse[];
}

class QueueEntry {
  @ApiProperty({ format: 'uuid' }) issueId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() category!: string;
  @ApiPropertyOptional() trigger?: string;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ format: 'uuid' }) assignedTo?: string;
  @ApiProperty({ type: [PlaybookStepResponse] }) steps!: PlaybookStepResponse[];
}

class PlaybookQuery {
  @ApiPropertyOptional({ enum: DEVICES, example: 'mobile', description: 'Default: desktop.' })
  @IsAbsentOr()
  @IsIn(DEVICES)
  device?: Device;
}

const PARTICIPANTS = ['patient', 'provider', 'coordinator', 'admin'] as const;
const ISSUE_PARAMS = { ...SESSION_PARAM, issueId: uuidParam('issueId', 'The technical issue') };
const NOT_THEIRS =
  "The role is not one admitted here, the caller is neither staff, the session's provider nor its patient, or a patient acts for another participant.";
const STEPS_PHI = "none: playbook steps in the caller's language";

const COMMANDS = {
  check: {
    path: 'sessions/:sessionId/pre-visit-checks',
    roles: PARTICIPANTS,
    summary: "Record a participant's pre-visit device check",
    description:
      "The result of the participant's camera, microphone, speaker and network test before the visit. A failed part opens a technical issue for the coordinators (named after the first failing part: network, camera, microphone, speaker) and the answer carries the first playbook steps to try, in the caller's language.",
    phi: `${STEPS_PHI}, the check's result and the id of the issue opened`,
    errors: {
      403: NOT_THEIRS,
      409: 'The session has ended, or it changed at the same time.',
      422: 'The participant is not one of the visit.',
    },
    body: { type: PreVisitCheckDto, example: PRE_VISIT_CHECK_EXAMPLE },
    answer: { status: 201, type: CheckResponse },
  },
  open: {
    path: 'sessions/:sessionId/issues',
    roles: PARTICIPANTS,
    summary: 'Report a technical issue',
    description:
      "Opens a technical issue of a session (audio, video, connection, join link, device, other) for the coordinators' queue, optionally for one participant and with a description (free text, stored sealed under the patient's key). The answer carries the playbook's steps for the category and device, in the caller's language.",
    phi: `${STEPS_PHI}, and the id of the issue opened`,
    errors: {
      403: NOT_THEIRS,
      409: "The session changed at the same time, or, with a description, the patient's records were erased.",
      422: 'The participant named is not one of the visit.',
    },
    body: { type: OpenIssueDto, example: OPEN_ISSUE_EXAMPLE },
    answer: { status: 201, type: IssueResponse },
  },
  assign: {
    path: 'sessions/:sessionId/issues/:issueId/assign',
    roles: ['coordinator', 'admin'],
    summary: 'Assign a technical issue to a coordinator',
    description:
      'A coordinator takes an open issue (or hands it to a colleague); the queue shows who has it. Assigning it to the same coordinator again changes nothing.',
    phi: 'none: the answer is empty',
    errors: {
      409: 'The issue is resolved, or the session changed at the same time.',
      422: 'The session has no issue with this id.',
    },
    params: ISSUE_PARAMS,
    body: { type: AssignIssueDto, example: ASSIGN_ISSUE_EXAMPLE },
    answer: { status: 204, description: 'Assigned' },
  },
  resolve: {
    path: 'sessions/:sessionId/issues/:issueId/resolve',
    roles: ['provider', 'coordinator', 'admin'],
    summary: 'Resolve a technical issue',
    description:
      'Closes an open issue with its outcome and the playbook steps tried; analytics reads them, with the time it took, to see which steps work.',
    phi: 'none: the answer is empty',
    errors: {
      403: NOT_YOUR_VISIT,
      409: 'The issue is resolved already, or the session changed at the same time.',
      422: 'The session has no issue with this id.',
    },
    params: ISSUE_PARAMS,
    body: { type: ResolveIssueDto, example: RESOLVE_ISSUE_EXAMPLE },
    answer: { status: 204, description: 'Resolved' },
  },
} satisfies Record<string, SessionCommandDoc>;

/** Troubleshooting and patient assistance: device checks, issues, playbook, coordinator queue. */
@ApiTags('troubleshooting')
@ApiBearerAuth()
@Controller('api/v1')
export class TroubleshootingController {
  constructor(
    private readonly handler: TroubleshootingHandler,
    private readonly openIssueQueue: OpenIssues,
  ) {}

  /** The participant's device test; a failed one opens an issue and returns its first steps. */
  @SessionCommandRoute(COMMANDS.check)
  @ApiAcceptLanguage()
  async check(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: PreVisitCheckDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') language?: string,
  ): Promise<CheckResponse> {
    const { events } = await asHttp(() => this.handler.check(sessionId, dto, principal));
    return checkAnswerOf(events, dto.client.device, languageOf(language));
  }

  @SessionCommandRoute(COMMANDS.open)
  @ApiAcceptLanguage()
  async open(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: OpenIssueDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') language?: string,
  ): Promise<IssueResponse> {
    const { issueId } = await asHttp(() => this.handler.open(sessionId, dto, principal));
    return { issueId, steps: playbookFor(dto.category, dto.device, languageOf(language)) };
  }

  @SessionCommandRoute(COMMANDS.assign)
  async assign(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('issueId', ParseUuidParam) issueId: string,
    @Body() dto: AssignIssueDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.assign(sessionId, issueId, dto, principal));
  }

  @SessionCommandRoute(COMMANDS.resolve)
  async resolve(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('issueId', ParseUuidParam) issueId: string,
    @Body() dto: ResolveIssueDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.resolve(sessionId, issueId, dto, principal));
  }

  /** The coordinators' live queue of open issues, oldest first (ids only, no patient data). */
  @UseCaseRoute({
    method: 'GET',
    path: 'issues/open',
    answer: [QueueEntry],
    summary: "List the coordinators' queue of open issues",
    description:
      "Every open technical issue of a session in a clinic the caller covers, oldest first, with whom it is assigned to and the playbook's steps for it in the caller's language: the coordinators' live queue.",
    roles: ['coordinator', 'admin'],
    phi: 'none: issue, session and coordinator ids, categories and times (no patient data)',
    errors: {},
  })
  @ApiAcceptLanguage()
  async openIssues(
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') language?: string,
  ): Promise<QueueEntry[]> {
    return (await this.openIssueQueue.of(principal)).map((issue) => ({
      issueId: issue._id,
      sessionId: issue.sessionId,
      category: issue.category,
      ...(issue.trigger ? { trigger: issue.trigger } : {}),
      openedAt: issue.openedAt,
      ...(issue.assignedTo ? { assignedTo: issue.assignedTo } : {}),
      steps: playbookFor(
        issue.category as (typeof CATEGORIES)[number],
        (issue.device as Device | undefined) ?? 'desktop',
        languageOf(language),
      ),
    }));
  }

  /** The playbook of a category, for a device, in the caller's language (en, es). */
  @UseCaseRoute({
    method: 'GET',
    path: 'playbooks/:category',
    answer: [PlaybookStepResponse],
    summary: 'Read the troubleshooting playbook of a category',
    description:
      "The steps to try for a kind of technical issue, for a device, in the caller's language (en, es). Playbooks are the platform's, not a clinic's: every role admitted here reads them.",
    roles: PARTICIPANTS,
    phi: STEPS_PHI,
    errors: {
      400: invalidInputDoc({ query: true }),
      404: 'No playbook for this category.',
    },
    params: {
      category: { example: 'audio', description: `One of: ${CATEGORIES.join(', ')}` },
    },
  })
  @ApiAcceptLanguage()
  playbook(
    @Param('category') category: string,
    @Query() query: PlaybookQuery,
    @Headers('accept-language') language?: string,
  ): PlaybookStepResponse[] {
    const known = (CATEGORIES as readonly string[]).includes(category);
    if (!known) throw new NotFoundException('no playbook for this category');
    return playbookFor(category as (typeof CATEGORIES)[number], query.device, languageOf(language));
  }
}
