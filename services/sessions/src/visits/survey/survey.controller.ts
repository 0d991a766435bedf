import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../../clock/sessions-clock.module';
import { asHttp } from '../shared/http-errors';
import { ensureSessionAccess } from '../shared/session-access';
import { SessionRepository } from '../shared/session.repository';
import { TEXT_SEALER, TextSealer } from '../shared/text-sealer';
import { POST_VISIT_QUESTIONNAIRE, SURVEY_URL } from './post-visit.questionnaire';
import { SubmitSurveyDto, SurveyReceipt } from './survey.dto';

/** The post-visit survey: one response per session, from the patient (or staff on their behalf). */
@ApiTags('survey')
@ApiBearerAuth()
@Controller()
export class SurveyController {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('fhir/Questionnaire/post-visit-survey')
  @Roles('patient', 'provider', 'coordinator', 'admin', 'analyst')
  @ApiOkResponse({ description: 'FHIR R4 Questionnaire' })
  questionnaire(): typeof POST_VISIT_QUESTIONNAIRE {
    return POST_VISIT_QUESTIONNAIRE;
  }

  @Post('api/v1/sessions/:sessionId/survey')
  @Roles('patient', 'coordinator', 'admin')
  @ApiCreatedResponse({ type: SurveyReceipt })
  @ApiConflictResponse({ description: 'already answered' })
  async submit(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: SubmitSurveyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SurveyReceipt> {
    return asHttp(async () => {
      const session = ensureSessionAccess(principal, (await this.sessions.load(sessionId)).state);
      const comment = dto.comment
        ? await this.sealer.seal(session.patientId, dto.comment)
        : undefined;
      const surveyId = randomUUID();
      await this.sessions.handle(
        sessionId,
        (state) => ensureSessionAccess(principal, state),
        {
          type: 'SubmitSurvey',
          surveyId,
          participantId: session.patientId,
          overall: dto.overall,
          wouldRecommend: dto.wouldRecommend,
          ...(dto.technicalQuality !== undefined ? { technicalQuality: dto.technicalQuality } : {}),
          ...(comment ? { comment } : {}),
          at: this.clock().toISOString(),
        },
        { actor: principal.subject },
      );
      return { surveyId, questionnaire: SURVEY_URL };
    });
  }
}
