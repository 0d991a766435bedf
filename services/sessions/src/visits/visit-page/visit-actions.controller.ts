import { Body, Controller, ForbiddenException, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiUseCase } from '@thc/service-runtime';
import { ApiAcceptLanguage } from '../../openapi/api-docs';
import { LEAVE_EXAMPLE, LeaveDto } from '../in-visit/in-visit.dto';
import { InVisitHandler } from '../in-visit/in-visit.handler';
import { languageOf } from '../join-links/join-refusals';
import { asHttp } from '../shared/http-errors';
import { SubmitSurveyHandler } from '../survey/submit-survey.handler';
import { SUBMIT_SURVEY_EXAMPLE, SubmitSurveyDto, SurveyReceipt } from '../survey/survey.dto';
import { CheckAnswer, checkAnswerOf } from '../troubleshooting/check-answer';
import { playbookFor } from '../troubleshooting/playbook.data';
import {
  OPEN_ISSUE_EXAMPLE,
  OpenIssueDto,
  PRE_VISIT_CHECK_EXAMPLE,
  PreVisitCheckDto,
} from '../troubleshooting/troubleshooting.dto';
import { TroubleshootingHandler } from '../troubleshooting/troubleshooting.handler';
import { ForLinkHolder, LinkHolder } from './link-holder';
import { LINK_REFUSALS, linkHolderInvalidInput } from './link-holder.docs';
import { ensureOwnParticipant, principalOf } from './participant-principal';
import { VISIT_AUDIO_ONLY_EXAMPLE, VisitAudioOnlyDto, VisitIssueResponse } from './visit-page.dto';

class CheckStep {
  @ApiProperty() step!: string;
  @ApiProperty() text!: string;
}

class VisitCheckResponse implements CheckAnswer {
  @ApiProperty({ enum: ['passed', 'warning', 'failed'] }) result!: 'passed' | 'warning' | 'failed';
  @ApiPropertyOptional({ format: 'uuid', description: 'The issue opened for a failed check' })
  issueId?: string;
  @ApiProperty({ type: [CheckStep] }) steps!: CheckStep[];
}

const NOT_FOR_THIS_LINK =
  "The body names another participant than the link's own, or the link is an interpreter's or a caregiver's (the coordinator acts for them).";
const ENDED = 'The visit has ended, or it changed at the same time.';
const PHI_NONE = 'none: the answer is empty';
const STEPS_PHI = "none: playbook steps in the caller's language";
const WITH_THE_LINK =
  'No bearer token: the join link is the credential (`X-Join-Token`, and `X-Device-Token` once bound), and it acts only for its own participant, under the same rules as the route for signed-in callers.';

/**
 * What the holder of a join link does from their page: the device check, a problem report,
 * the fall back to audio only, leaving, the survey. Each runs the use case of the signed-in
 * route, as the participant the link names.
 */
@ApiTags('visit page')
@Controller('api/v1/visit')
@ForLinkHolder()
export class VisitActionsController {
  constructor(
    private readonly troubleshooting: TroubleshootingHandler,
    private readonly inVisit: InVisitHandler,
    private readonly survey: SubmitSurveyHandler,
  ) {}

  @Post('pre-visit-checks')
  @HttpCode(201)
  @ApiUseCase({
    summary: "Record the link holder's pre-visit device check",
    description: `The result of the participant's camera, microphone, speaker and network test before the visit, as \`POST /api/v1/sessions/{sessionId}/pre-visit-checks\` records it: a failed part opens a technical issue for the coordinators and the answer carries the first playbook steps, in the caller's language. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: `${STEPS_PHI}, the check's result and the id of the issue opened`,
    errors: {
      400: linkHolderInvalidInput(true),
      ...LINK_REFUSALS,
      403: `${LINK_REFUSALS[403]} Or: ${NOT_FOR_THIS_LINK}`,
      409: `${LINK_REFUSALS[409]} Or: ${ENDED}`,
    },
    body: { type: PreVisitCheckDto, example: PRE_VISIT_CHECK_EXAMPLE },
  })
  @ApiAcceptLanguage()
  @ApiCreatedResponse({ type: VisitCheckResponse })
  async check(
    @LinkHolder() holder: LinkHolder,
    @Body() dto: PreVisitCheckDto,
    @Headers('accept-language') language?: string,
  ): Promise<VisitCheckResponse> {
    const { events } = await asHttp(() => {
      ensureOwnParticipant(holder, dto.participantId);
      return this.troubleshooting.check(holder.sessionId, dto, principalOf(holder));
    });
    return checkAnswerOf(events, dto.client.device, languageOf(language));
  }

  @Post('issues')
  @ApiUseCase({
    summary: 'Report a problem from the visit page',
    description: `Opens a technical issue of the visit for the coordinators' queue (audio, video, connection, join link, device, other), about the link's participant unless the body names them already, optionally with a description (stored sealed under the patient's key). The answer carries the playbook's steps for the category and device, in the caller's language (en, es). ${WITH_THE_LINK}`,
    roles: 'public',
    phi: `${STEPS_PHI}, and the id of the issue opened`,
    errors: {
      400: linkHolderInvalidInput(true),
      ...LINK_REFUSALS,
      403: `${LINK_REFUSALS[403]} Or: ${NOT_FOR_THIS_LINK}`,
      409: `${LINK_REFUSALS[409]} Or: the visit changed at the same time, or, with a description, the patient's records were erased.`,
    },
    body: { type: OpenIssueDto, example: OPEN_ISSUE_EXAMPLE },
  })
  @ApiAcceptLanguage()
  @ApiCreatedResponse({ type: VisitIssueResponse })
  async report(
    @LinkHolder() holder: LinkHolder,
    @Body() dto: OpenIssueDto,
    @Headers('accept-language') language?: string,
  ): Promise<VisitIssueResponse> {
    const { issueId } = await asHttp(() => {
      ensureOwnParticipant(holder, dto.participantId);
      const about = Object.assign(new OpenIssueDto(), dto, { participantId: holder.participantId });
      return this.troubleshooting.open(holder.sessionId, about, principalOf(holder));
    });
    const steps = playbookFor(dto.category, dto.device, languageOf(language));
    return { issueId, steps: steps.map((s) => s.text) };
  }

  @Post('audio-only')
  @HttpCode(204)
  @ApiUseCase({
    summary: 'Continue the visit on audio only',
    description: `The link's participant continues without video, and why (default: their own choice), as the participant's audio-only route records it: once per participant, a later report changes nothing. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: PHI_NONE,
    errors: {
      400: linkHolderInvalidInput(true),
      ...LINK_REFUSALS,
      403: `${LINK_REFUSALS[403]} Or: ${NOT_FOR_THIS_LINK}`,
      409: `${LINK_REFUSALS[409]} Or: ${ENDED}`,
    },
    body: { type: VisitAudioOnlyDto, example: VISIT_AUDIO_ONLY_EXAMPLE },
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async audioOnly(@LinkHolder() holder: LinkHolder, @Body() dto: VisitAudioOnlyDto): Promise<void> {
    await asHttp(() =>
      this.inVisit.audioOnly(
        holder.sessionId,
        holder.participantId,
        { trigger: dto.trigger ?? 'participant-choice' },
        principalOf(holder),
      ),
    );
  }

  @Post('leave')
  @HttpCode(204)
  @ApiUseCase({
    summary: 'Leave the visit, or report a drop',
    description: `The link's participant left the room (\`left\`) or lost the connection (\`disconnected\`); the third drop opens a connection issue for the coordinators. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: PHI_NONE,
    errors: {
      400: linkHolderInvalidInput(true),
      ...LINK_REFUSALS,
      403: `${LINK_REFUSALS[403]} Or: ${NOT_FOR_THIS_LINK}`,
      409: `${LINK_REFUSALS[409]} Or: ${ENDED}`,
      422: 'The participant is not in the room.',
    },
    body: { type: LeaveDto, example: LEAVE_EXAMPLE },
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async leave(@LinkHolder() holder: LinkHolder, @Body() dto: LeaveDto): Promise<void> {
    await asHttp(() =>
      this.inVisit.leave(holder.sessionId, holder.participantId, dto, principalOf(holder)),
    );
  }

  @Post('survey')
  @ApiUseCase({
    summary: 'Answer the post-visit survey from the visit page',
    description: `The patient's answers to the post-visit questionnaire, once per visit, after it took place, as \`POST /api/v1/sessions/{sessionId}/survey\` records them; only the patient's link may answer. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: 'none: the receipt (survey id and questionnaire)',
    errors: {
      400: linkHolderInvalidInput(true),
      ...LINK_REFUSALS,
      403: `${LINK_REFUSALS[403]} Or: the link is not the patient's.`,
      409: `${LINK_REFUSALS[409]} Or: the survey was answered already, the visit changed at the same time, or, with a comment, the patient's records were erased.`,
      422: 'The visit did not take place (it has not ended, or never started).',
    },
    body: { type: SubmitSurveyDto, example: SUBMIT_SURVEY_EXAMPLE },
  })
  @ApiCreatedResponse({ type: SurveyReceipt })
  async answer(
    @LinkHolder() holder: LinkHolder,
    @Body() dto: SubmitSurveyDto,
  ): Promise<SurveyReceipt> {
    return asHttp(() => {
      if (holder.role !== 'patient')
        throw new ForbiddenException("only the patient's link answers the survey");
      return this.survey.execute(holder.sessionId, dto, principalOf(holder));
    });
  }
}
