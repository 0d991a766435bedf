import { Body, Controller, ForbiddenException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UseCaseRoute } from '@thc/service-runtime';
import { asHttp } from '../http-errors';
import { ForLinkHolder, LinkHolder } from '../link-holder';
import { LINK_REFUSALS, linkHolderInvalidInput, WITH_THE_LINK } from '../link-holder.docs';
import { principalOf } from '../participant-principal';
import { SubmitSurveyHandler } from './submit-survey.handler';
import { SUBMIT_SURVEY_EXAMPLE, SubmitSurveyDto, SurveyReceipt } from './survey.dto';

/** The patient answers the post-visit survey from their visit page. */
@ApiTags('visit page')
@Controller('api/v1/visit')
@ForLinkHolder()
export class LinkHolderSurveyController {
  constructor(private readonly survey: SubmitSurveyHandler) {}

  @UseCaseRoute({
    method: 'POST',
    path: 'survey',
    answer: SurveyReceipt,
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
