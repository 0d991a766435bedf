import { useEffect, useState } from 'react';
import { navigate } from '../router';
import { useAuth } from './auth-context';
import { finishOidcSignIn } from './oidc';
import { webConfig } from './web-config';

/** Where the identity provider sends the person back with an authorization code. */
export function CallbackPage() {
  const { signIn } = useAuth();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void webConfig()
      .then((config) => {
        if (!config.oidc) throw new Error('This server has no identity provider configured.');
        return finishOidcSignIn(config.oidc);
      })
      .then(({ person, returnTo }) => {
        signIn(person);
        navigate(returnTo, { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main id="main" className="narrow">
      <h1>Signing you in</h1>
      {error ? (
        <p role="alert" className="error">
          Sign-in failed: {error} <a href="/sign-in">Try again</a>
        </p>
      ) : (
        <p>One moment…</p>
      )}
    </main>
  );
}
