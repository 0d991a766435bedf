import { Body, Controller, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { fhirAnswer, invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { NO_SUCH_SESSION, SESSION_PARAM } from '../../openapi/api-docs';
import { asHttp } from '../http-errors';
import { POST_VISIT_QUESTIONNAIRE } from './post-visit.questionnaire';
import { SubmitSurveyHandler } from './submit-survey.handler';
import { SUBMIT_SURVEY_EXAMPLE, SubmitSurveyDto, SurveyReceipt } from './survey.dto';

/** The post-visit survey: one response per session, from the patient (or staff on their behalf). */
@ApiTags('survey')
@ApiBearerAuth()
@Controller()
export class SurveyController {
  constructor(private readonly handler: SubmitSurveyHandler) {}

  @Header('Content-Type', 'application/fhir+json')
  @UseCaseRoute({
    method: 'GET',
    path: 'fhir/Questionnaire/post-visit-survey',
    answer: fhirAnswer('Questionnaire'),
    summary: 'Read the post-visit survey questionnaire',
    description:
      'The post-visit satisfaction survey as a FHIR R4 Questionnaire, in English and Spanish: what each answer of a survey response means, by its linkId.',
    roles: ['patient', 'provider', 'coordinator', 'admin', 'analyst'],
    phi: 'none: the questionnaire',
    errors: {},
  })
  @ApiProduces('application/fhir+json')
  questionnaire(): typeof POST_VISIT_QUESTIONNAIRE {
    return POST_VISIT_QUESTIONNAIRE;
  }

  @UseCaseRoute({
    method: 'POST',
    path: 'api/v1/sessions/:sessionId/survey',
    answer: SurveyReceipt,
    summary: 'Answer the post-visit survey',
    description:
      "The patient's answers to the post-visit questionnaire, once per session, after a visit that took place; staff may submit them on the patient's behalf. A free-text comment is stored sealed under the patient's key.",
    roles: ['patient', 'coordinator', 'admin'],
    phi: 'none: the receipt (survey id and questionnaire)',
    errors: {
      400: invalidInputDoc({ ids: ['sessionId'], body: true }),
      403: "The role is not one of patient, coordinator, admin, or a patient answers for another patient's visit.",
      404: NO_SUCH_SESSION,
      409: "The survey of this session was answered already, the session changed at the same time, or, with a comment, the patient's records were erased.",
      422: 'The visit did not take place (it has not ended, or never started).',
    },
    params: SESSION_PARAM,
    body: { type: SubmitSurveyDto, example: SUBMIT_SURVEY_EXAMPLE },
  })
  async submit(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: SubmitSurveyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SurveyReceipt> {
    return asHttp(() => this.handler.execute(sessionId, dto, principal));
  }
}
