import { useEffect, useState } from 'react';
import { navigate } from '../router';
import { useAuth } from './auth-context';
import { finishOidcSignIn } from './oidc';
import { safeReturnTo } from './return-to';
import { signInFailure } from './sign-in-failure';
import { homeOf } from './sign-in-page';
import { webConfig } from './web-config';

let finishing: ReturnType<typeof finishOidcSignIn> | undefined;

/**
 * The code is exchanged once per visit of /callback, even when React runs the effect twice
 * (StrictMode in development): a second exchange would find the sign-in already finished.
 */
function finishOnce(): ReturnType<typeof finishOidcSignIn> {
  finishing ??= webConfig()
    .then((config) => {
      if (!config.oidc) throw new Error('This server has no identity provider configured.');
      return finishOidcSignIn(config.oidc);
    })
    .finally(() => setTimeout(() => (finishing = undefined), 0));
  return finishing;
}

/** Where the identity provider sends the person back with an authorization code. */
export function CallbackPage() {
  const { signIn } = useAuth();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void finishOnce().then(
      ({ person, returnTo }) => {
        signIn(person);
        navigate(safeReturnTo(returnTo) ?? homeOf(person.role), { replace: true });
      },
      (e: unknown) => setError(signInFailure(e)),
    );
  }, []);
  return (
    <main id="main" className="narrow">
      <h1>{error ? 'Sign-in failed' : 'Signing you in'}</h1>
      {error ? (
        <p role="alert" className="error">
          {error} <a href="/sign-in">Sign in again</a>
        </p>
      ) : (
        <p aria-live="polite">One moment…</p>
      )}
    </main>
  );
}
