import { useEffect, useState } from 'react';
import { problemDetail } from './problem-detail';
import type { ConsentText, VisitApi } from './visit-api';
import type { VisitStrings } from './visit-strings';

/**
 * The telehealth consent, read in the page's language. Agreeing records it with the version
 * read; not agreeing records nothing and explains how to be seen in person.
 */
export function ConsentStep(props: {
  api: VisitApi;
  strings: VisitStrings;
  onAgreed: () => void;
  onDeclined: () => void;
}) {
  const { api, strings } = props;
  const [text, setText] = useState<ConsentText>();
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let current = true;
    api.consentText().then(
      (answer) => current && setText(answer),
      (failure: unknown) => current && setError(problemDetail(failure)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const agree = async () => {
    if (!text) return;
    setSending(true);
    setError(undefined);
    try {
      await api.giveConsent(text.textVersion);
      props.onAgreed();
    } catch (failure) {
      setError(problemDetail(failure));
      setSending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="consent-heading" aria-busy={!text}>
      <h2 id="consent-heading">{text?.title ?? '…'}</h2>
      {text?.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {error && (
        <p className="error" role="alert">
          {strings.somethingFailed(error)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!text || sending} onClick={agree}>
          {strings.agree}
        </button>
        <button type="button" disabled={sending} onClick={props.onDeclined}>
          {strings.disagree}
        </button>
      </div>
    </section>
  );
}

/** After "I do not agree": nothing recorded, and the way to an in-person visit. */
export function ConsentDeclined(props: {
  strings: VisitStrings;
  clinicName?: string;
  onReadAgain: () => void;
}) {
  return (
    <section className="card" aria-labelledby="declined-heading">
      <h2 id="declined-heading">{props.strings.declinedTitle}</h2>
      <p>{props.strings.declined(props.clinicName)}</p>
      <button type="button" onClick={props.onReadAgain}>
        {props.strings.readConsentAgain}
      </button>
    </section>
  );
}
