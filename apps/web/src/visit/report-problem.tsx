import { FormEvent, useState } from 'react';
import { clientOf } from './device-check-result';
import { Problem, PROBLEM_CHOICES, PROBLEMS } from './problem-reports';
import { problemDetail } from './problem-detail';
import type { VisitApi } from './visit-api';
import type { VisitStrings } from './visit-strings';

/**
 * "Report a problem": the participant says what is wrong in their words; the coordinators'
 * queue gets an issue of its category, and the participant the playbook's steps in the
 * page's language.
 */
export function ReportProblem(props: {
  api: VisitApi;
  strings: VisitStrings;
  onClose: () => void;
}) {
  const { strings } = props;
  const [problem, setProblem] = useState<Problem>();
  const [description, setDescription] = useState('');
  const [sending, setSending] = useState(false);
  const [steps, setSteps] = useState<string[]>();
  const [error, setError] = useState<string>();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!problem) return;
    setSending(true);
    setError(undefined);
    try {
      const answer = await props.api.reportProblem(
        PROBLEMS[problem],
        clientOf(navigator.userAgent),
        description.trim() || undefined,
      );
      setSteps(answer.steps);
    } catch (failure) {
      setError(problemDetail(failure));
    }
    setSending(false);
  };

  if (steps)
    return (
      <section className="card" aria-labelledby="report-heading">
        <h3 id="report-heading">{strings.reportProblem}</h3>
        <p className="ok" role="status">
          {strings.coordinatorToldIssue}
        </p>
        <h4>{strings.trySteps}</h4>
        <ol className="steps">
          {steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
        <button type="button" onClick={props.onClose}>
          {strings.close}
        </button>
      </section>
    );
  return (
    <form className="card" onSubmit={send} aria-labelledby="report-heading">
      <h3 id="report-heading">{strings.reportProblem}</h3>
      <fieldset>
        <legend>{strings.whatIsWrong}</legend>
        {PROBLEM_CHOICES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="problem"
              value={choice}
              checked={problem === choice}
              onChange={() => setProblem(choice)}
            />
            {strings.problems[choice]}
          </label>
        ))}
      </fieldset>
      <label htmlFor="problem-description">{strings.tellUsMore}</label>
      <textarea
        id="problem-description"
        rows={3}
        maxLength={1000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {strings.somethingFailed(error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!problem || sending}>
          {strings.send}
        </button>
        <button type="button" onClick={props.onClose}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}
