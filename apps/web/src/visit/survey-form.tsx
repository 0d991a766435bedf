import { FormEvent, useState } from 'react';
import { problemDetail } from './problem-detail';
import {
  scaleOf,
  SURVEY_QUESTIONS,
  SurveyAnswers,
  SurveyQuestion,
  surveySubmissionOf,
} from './survey-questions';
import type { VisitApi } from './visit-api';
import type { VisitLanguage } from './visit-language';
import type { VisitStrings } from './visit-strings';

/** The post-visit survey: a radio group per scale, free text for the rest. */
export function SurveyForm(props: {
  api: VisitApi;
  strings: VisitStrings;
  language: VisitLanguage;
  onAnswered: () => void;
}) {
  const { strings, language } = props;
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const answer = surveySubmissionOf(answers);
    if ('missing' in answer) {
      setError(strings.answerRequired(answer.missing.map((q) => q.text[language]).join(' ')));
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await props.api.answerSurvey(answer.submission);
      props.onAnswered();
    } catch (failure) {
      setError(strings.somethingFailed(problemDetail(failure)));
      setSending(false);
    }
  };

  const set = (field: SurveyQuestion['field'], value: string) =>
    setAnswers((before) => ({ ...before, [field]: value }));

  return (
    <form className="card" onSubmit={send} aria-labelledby="survey-heading" noValidate>
      <h2 id="survey-heading">{strings.surveyTitle}</h2>
      <p>{strings.surveyIntro}</p>
      {SURVEY_QUESTIONS.map((question) =>
        question.scale ? (
          <fieldset
            key={question.linkId}
            className="scale"
            role="radiogroup"
            aria-required={question.required}
          >
            <legend>
              {question.text[language]}{' '}
              {!question.required && <span className="hint">{strings.optional}</span>}
            </legend>
            <p className="hint" id={`${question.linkId}-ends`}>
              {strings.scaleEnds(
                ...strings.scaleWords[question.field as keyof VisitStrings['scaleWords']],
              )}
            </p>
            <div className="scale-choices">
              {scaleOf(question.scale).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={question.linkId}
                    value={value}
                    checked={answers[question.field] === String(value)}
                    onChange={() => set(question.field, String(value))}
                    aria-describedby={`${question.linkId}-ends`}
                  />
                  {value}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <div key={question.linkId}>
            <label htmlFor={`survey-${question.linkId}`}>
              {question.text[language]} <span className="hint">{strings.optional}</span>
            </label>
            <textarea
              id={`survey-${question.linkId}`}
              rows={3}
              maxLength={2000}
              value={answers[question.field] ?? ''}
              onChange={(event) => set(question.field, event.target.value)}
            />
          </div>
        ),
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={sending}>
        {strings.sendAnswers}
      </button>
    </form>
  );
}

/** The end of the page: the visit is over, and the survey answered when there was one. */
export function Thanks(props: { strings: VisitStrings; own: boolean; surveyed: boolean }) {
  const { strings } = props;
  return (
    <section className="card" aria-labelledby="thanks-heading">
      <h2 id="thanks-heading">{strings.thanksTitle}</h2>
      <p role="status">
        {strings.ended(props.own)} {props.surveyed ? strings.thanksSurvey : ''}
      </p>
      <p>{strings.thanksClose}</p>
    </section>
  );
}
