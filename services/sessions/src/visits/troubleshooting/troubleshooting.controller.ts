import { IsAbsentOr } from '../shared/is-absent-or';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { IsIn } from 'class-validator';
import { SESSION_EVENT as E } from '../domain/session.events';
import { languageOf } from '../join-links/join-refusals';
import { asHttp } from '../shared/http-errors';
import { IssueQueue, QueuedIssue } from './issue-queue.projection';
import { Device, playbookFor } from './playbook.data';
import {
  AssignIssueDto,
  CATEGORIES,
  DEVICES,
  OpenIssueDto,
  PreVisitCheckDto,
  ResolveIssueDto,
} from './troubleshooting.dto';
import { TroubleshootingHandler } from './troubleshooting.handler';

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
  @IsAbsentOr() @IsIn(DEVICES) device?: Device;
}

/** Troubleshooting and patient assistance: device checks, issues, playbook, coordinator queue. */
@ApiTags('troubleshooting')
@ApiBearerAuth()
@Controller('api/v1')
export class TroubleshootingController {
  constructor(
    private readonly handler: TroubleshootingHandler,
    private readonly queue: IssueQueue,
  ) {}

  /** The participant's device test; a failed one opens an issue and returns its first steps. */
  @Post('sessions/:sessionId/pre-visit-checks')
  @HttpCode(201)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: CheckResponse })
  async check(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: PreVisitCheckDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') language?: string,
  ): Promise<CheckResponse> {
    const { events } = await asHttp(() => this.handler.check(sessionId, dto, principal));
    const recorded = events.find((e) => e.type === E.checkRecorded);
    const opened = events.find((e) => e.type === E.issueOpened);
    const result = recorded?.type === E.checkRecorded ? recorded.data.result : 'passed';
    if (opened?.type !== E.issueOpened) return { result, steps: [] };
    return {
      result,
      issueId: opened.data.issueId,
      steps: playbookFor(opened.data.category, dto.client.device, languageOf(language)),
    };
  }

  @Post('sessions/:sessionId/issues')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: IssueResponse })
  async open(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: OpenIssueDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') language?: string,
  ): Promise<IssueResponse> {
    const { issueId } = await asHttp(() => this.handler.open(sessionId, dto, principal));
    return { issueId, steps: playbookFor(dto.category, dto.device, languageOf(language)) };
  }

  @Post('sessions/:sessionId/issues/:issueId/assign')
  @HttpCode(204)
  @Roles('coordinator', 'admin')
  async assign(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @Body() dto: AssignIssueDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.assign(sessionId, issueId, dto, principal));
  }

  @Post('sessions/:sessionId/issues/:issueId/resolve')
  @HttpCode(204)
  @Roles('provider', 'coordinator', 'admin')
  async resolve(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @Body() dto: ResolveIssueDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.resolve(sessionId, issueId, dto, principal));
  }

  /** The coordinators' live queue of open issues, oldest first (ids only, no patient data). */
  @Get('issues/open')
  @Roles('coordinator', 'admin')
  @ApiOkResponse({ type: [QueueEntry] })
  async openIssues(@Headers('accept-language') language?: string): Promise<QueueEntry[]> {
    return (await this.queue.open()).map((issue: QueuedIssue) => ({
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
  @Get('playbooks/:category')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOkResponse({ type: [PlaybookStepResponse] })
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
