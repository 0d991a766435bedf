import type { VisitLanguage } from './visit-language';

/** A question of the post-visit questionnaire, by the linkId sessions stores it under. */
export interface SurveyQuestion {
  readonly linkId: 'overall' | 'would-recommend' | 'technical-quality' | 'comment';
  /** The survey answer's field. */
  readonly field: 'overall' | 'wouldRecommend' | 'technicalQuality' | 'comment';
  readonly text: Readonly<Record<VisitLanguage, string>>;
  readonly required: boolean;
  /** A scale from min to max; absent for free text. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/**
 * The post-visit questionnaire (sessions' FHIR Questionnaire post-visit-survey, version 1) as
 * the page asks it: the same questions, ranges and translations. The questionnaire is read by
 * staff with a bearer token; a join link cannot read it, so the page carries its own copy.
 */
export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  {
    linkId: 'overall',
    field: 'overall',
    text: {
      en: 'Overall, how satisfied are you with this visit?',
      es: 'En general, ¿qué tan satisfecho está con esta visita?',
    },
    required: true,
    scale: { min: 1, max: 5 },
  },
  {
    linkId: 'would-recommend',
    field: 'wouldRecommend',
    text: {
      en: 'How likely are you to recommend virtual visits to a friend?',
      es: '¿Qué tan probable es que recomiende las visitas virtuales a un amigo?',
    },
    required: true,
    scale: { min: 0, max: 10 },
  },
  {
    linkId: 'technical-quality',
    field: 'technicalQuality',
    text: {
      en: 'How was the sound and picture?',
      es: '¿Cómo estuvieron el sonido y la imagen?',
    },
    required: false,
    scale: { min: 1, max: 5 },
  },
  {
    linkId: 'comment',
    field: 'comment',
    text: {
      en: 'Anything else you want to tell us?',
      es: '¿Hay algo más que quiera decirnos?',
    },
    required: false,
  },
];

export type SurveyAnswers = Partial<Record<SurveyQuestion['field'], string>>;

export interface SurveySubmission {
  readonly overall: number;
  readonly wouldRecommend: number;
  readonly technicalQuality?: number;
  readonly comment?: string;
}

/**
 * The answers as sessions takes them, or the required questions left unanswered. An empty
 * comment is no comment: sessions refuses empty text.
 */
export function surveySubmissionOf(
  answers: SurveyAnswers,
): { submission: SurveySubmission } | { missing: SurveyQuestion[] } {
  const missing = SURVEY_QUESTIONS.filter((q) => q.required && !answers[q.field]);
  if (missing.length > 0) return { missing };
  const comment = answers.comment?.trim();
  const technicalQuality = answers.technicalQuality;
  return {
    submission: {
      overall: Number(answers.overall),
      wouldRecommend: Number(answers.wouldRecommend),
      ...(technicalQuality ? { technicalQuality: Number(technicalQuality) } : {}),
      ...(comment ? { comment } : {}),
    },
  };
}

export const scaleOf = (scale: { min: number; max: number }): number[] =>
  Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
