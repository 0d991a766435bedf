import { Body, Controller, Headers } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { UseCaseRoute } from '@thc/service-runtime';
import { ApiAcceptLanguage } from '../../openapi/api-docs';
import { asHttp } from '../http-errors';
import { languageOf } from '../join-refusals';
import { ForLinkHolder, LinkHolder } from '../link-holder';
import { linkHolderActionErrors, STEPS_PHI, WITH_THE_LINK } from '../link-holder.docs';
import { ensureOwnParticipant, principalOf } from '../participant-principal';
import { CheckAnswer, checkAnswerOf } from './check-answer';
import { playbookFor } from './playbook.data';
import {
  OPEN_ISSUE_EXAMPLE,
  OpenIssueDto,
  PRE_VISIT_CHECK_EXAMPLE,
  PreVisitCheckDto,
} from './troubleshooting.dto';
import { TroubleshootingHandler } from './troubleshooting.handler';

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

export class VisitIssueResponse {
  @ApiProperty({ format: 'uuid' }) issueId!: string;
  @ApiProperty({
    type: [String],
    description: "The playbook's steps for the category, in the caller's language.",
  })
  steps!: string[];
}

/** The link holder's device check and problem reports, from their visit page. */
@ApiTags('visit page')
@Controller('api/v1/visit')
@ForLinkHolder()
export class LinkHolderTroubleshootingController {
  constructor(private readonly troubleshooting: TroubleshootingHandler) {}

  @UseCaseRoute({
    method: 'POST',
    path: 'pre-visit-checks',
    answer: VisitCheckResponse,
    summary: "Record the link holder's pre-visit device check",
    description: `The result of the participant's camera, microphone, speaker and network test before the visit, as \`POST /api/v1/sessions/{sessionId}/pre-visit-checks\` records it: a failed part opens a technical issue for the coordinators and the answer carries the first playbook steps, in the caller's language. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: `${STEPS_PHI}, the check's result and the id of the issue opened`,
    errors: linkHolderActionErrors(),
    body: { type: PreVisitCheckDto, example: PRE_VISIT_CHECK_EXAMPLE },
  })
  @ApiAcceptLanguage()
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

  @UseCaseRoute({
    method: 'POST',
    path: 'issues',
    answer: VisitIssueResponse,
    summary: 'Report a problem from the visit page',
    description: `Opens a technical issue of the visit for the coordinators' queue (audio, video, connection, join link, device, other), about the link's participant unless the body names them already, optionally with a description (stored sealed under the patient's key). The answer carries the playbook's steps for the category and device, in the caller's language (en, es). ${WITH_THE_LINK}`,
    roles: 'public',
    phi: `${STEPS_PHI}, and the id of the issue opened`,
    errors: linkHolderActionErrors(
      "the visit changed at the same time, or, with a description, the patient's records were erased.",
    ),
    body: { type: OpenIssueDto, example: OPEN_ISSUE_EXAMPLE },
  })
  @ApiAcceptLanguage()
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
}
