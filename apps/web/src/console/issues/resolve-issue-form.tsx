import { FormEvent, useId, useState } from 'react';
import { OpenIssue, Outcome, OUTCOMES } from './open-issue';

/** The outcome of an issue and the playbook steps tried, as the resolve API records them. */
export function ResolveIssueForm({
  issue,
  busy,
  onResolve,
}: {
  issue: OpenIssue;
  busy: boolean;
  onResolve: (outcome: Outcome, tried: ReadonlySet<string>) => void;
}) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>('fixed');
  const [tried, setTried] = useState<ReadonlySet<string>>(new Set());
  const toggle = (step: string, on: boolean) => {
    const next = new Set(tried);
    if (on) next.add(step);
    else next.delete(step);
    setTried(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onResolve(outcome, tried);
  };
  return (
    <form onSubmit={submit} aria-label="Resolve the issue">
      <label htmlFor={`${id}-outcome`}>Outcome</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as Outcome)}
      >
        {OUTCOMES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {issue.steps.length > 0 && (
        <fieldset>
          <legend>Steps tried</legend>
          {issue.steps.map((s) => (
            <label key={s.step}>
              <input
                type="checkbox"
                checked={tried.has(s.step)}
                onChange={(e) => toggle(s.step, e.target.checked)}
              />
              {s.text}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Resolve
      </button>
    </form>
  );
}
