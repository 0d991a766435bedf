import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { ensureSessionAccess } from '../shared/session-access';
import { SessionRepository } from '../shared/session.repository';
import { TEXT_SEALER, TextSealer } from '../shared/text-sealer';
import { SURVEY_URL } from './post-visit.questionnaire';
import { SubmitSurveyDto, SurveyReceipt } from './survey.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

/** The post-visit survey's answers, once per session; a comment is sealed under the patient's key. */
@Injectable()
export class SubmitSurveyHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    sessionId: string,
    dto: SubmitSurveyDto,
    principal: Principal,
  ): Promise<SurveyReceipt> {
    const session = ensureSessionAccess(principal, (await this.sessions.load(sessionId)).state);
    const comment = dto.comment
      ? await this.sealer.seal(session.patientId, dto.comment, 'comment')
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
  }
}
