import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ensureSessionAccess } from '../session-access';
import { SessionRepository } from '../infrastructure/session.repository';
import { TEXT_SEALER, TextSealer } from '../infrastructure/text-sealer';
import { SURVEY_URL } from './post-visit.questionnaire';
import { SubmitSurveyDto, SurveyReceipt } from './survey.dto';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';

/** The post-visit survey's answers, once per session; a comment is sealed under the patient's key. */
@Injectable()
export class SubmitSurveyHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
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
    const surveyId = this.newId();
    await this.sessions.handle(
      sessionId,
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
      {
        check: (state) => ensureSessionAccess(principal, state),
        metadata: { actor: principal.subject },
      },
    );
    return { surveyId, questionnaire: SURVEY_URL };
  }
}
