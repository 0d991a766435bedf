import { FormEvent, useEffect, useState } from 'react';
import { navigate } from '../router';
import { useAuth } from './auth-context';
import { startOidcSignIn } from './oidc';
import { safeReturnTo } from './return-to';
import { signInFailure } from './sign-in-failure';
import { personFromToken } from './signed-in-person';
import { WebConfig, webConfig } from './web-config';

interface Roster {
  readonly clinics: readonly { id: string; name: string; state?: string }[];
  readonly people: readonly {
    id: string;
    name: string;
    roles: string[];
    clinicIds: readonly string[];
  }[];
}

const ROLE_LABELS: Record<string, string> = {
  coordinator: 'Telehealth coordinator',
  provider: 'Provider',
  admin: 'Administrator',
  analyst: 'Analyst',
  trainer: 'Trainer',
  auditor: 'Compliance auditor',
};

/** Where a role starts: coordinators and providers in the console, analysts on the dashboard. */
export function homeOf(role: string): string {
  return role === 'analyst' ? '/reports' : '/console/today';
}

/**
 * Staff sign in with the health system's identity provider. Where the server enables it (never
 * in production), a local sign-in picks a role and a person from the directory instead.
 */
export function SignInPage() {
  const { signIn } = useAuth();
  const [config, setConfig] = useState<WebConfig>();
  const [roster, setRoster] = useState<Roster>();
  const [role, setRole] = useState('coordinator');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string>();
  const returnTo = safeReturnTo(new URLSearchParams(window.location.search).get('returnTo'));

  useEffect(() => {
    void webConfig().then((c) => {
      setConfig(c);
      if (c.devSignIn)
        void fetch('/dev/roster')
          .then(async (r) =>
            r.ok
              ? ((await r.json()) as Roster)
              : Promise.reject(new Error((await r.json()).detail)),
          )
          .then(setRoster, (e: Error) => setError(`The roster could not be read: ${e.message}`));
    });
  }, []);

  const oidc = config?.oidc;
  const people = roster?.people.filter((p) => p.roles.includes(role)) ?? [];
  useEffect(() => setSubject(people[0]?.id ?? ''), [role, roster]);
  const clinicNames = (ids: readonly string[]) =>
    ids.map((id) => roster?.clinics.find((c) => c.id === id)?.name ?? id).join(', ');

  async function devSignIn(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const response = await fetch('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, subject }),
    });
    const body = (await response.json()) as { token?: string; name?: string; detail?: string };
    if (!response.ok || !body.token) return setError(body.detail ?? 'Sign-in failed.');
    signIn(personFromToken(body.token, body.name));
    navigate(returnTo ?? homeOf(role), { replace: true });
  }

  return (
    <main id="main" className="narrow">
      <h1>Sign in</h1>
      <p>
        Telehealth Coordinator is for the staff of your health system. Patients join their visit
        from the link they were sent.
      </p>
      {oidc && (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setError(undefined);
              startOidcSignIn(oidc, returnTo).catch((e: unknown) => setError(signInFailure(e)));
            }}
          >
            Sign in with your health system account
          </button>
        </p>
      )}
      {config?.devSignIn && (
        <form onSubmit={(e) => void devSignIn(e)} className="card" aria-labelledby="dev-sign-in">
          <h2 id="dev-sign-in">Local sign-in (development)</h2>
          <p className="hint">
            Signs a local token for a person of the demo directory. This server is not in
            production.
          </p>
          <label htmlFor="role">Role</label>
          <select id="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="person">Person</label>
          <select
            id="person"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            disabled={people.length === 0}
          >
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({clinicNames(p.clinicIds)})
              </option>
            ))}
          </select>
          {roster && people.length === 0 && (
            <p>No one in the directory works as {ROLE_LABELS[role]}.</p>
          )}
          <button type="submit" className="primary" disabled={!subject}>
            Sign in
          </button>
        </form>
      )}
      {config && !config.oidc && !config.devSignIn && (
        <p role="alert">
          This server has no sign-in configured (WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID).
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
