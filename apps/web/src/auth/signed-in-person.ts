/** Who is signed in, as the pages need it; the token itself is what the services check. */
export interface SignedInPerson {
  readonly token: string;
  readonly expiresAt: string;
  readonly role: string;
  readonly subject: string;
  readonly name: string;
  /** `all`, or the clinics the token covers (its `clinics` claim). */
  readonly clinics: 'all' | readonly string[];
  /** Where signing out also ends the identity provider's session, when it offers that. */
  readonly signOutUrl?: string;
}

const KEY = 'thc.signed-in';

/** Reads the claims the pages show; the services verify the token, the browser never does. */
export function personFromToken(token: string, name?: string): SignedInPerson {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(
    decodeURIComponent(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    ),
  ) as { sub?: string; roles?: string[]; exp?: number; clinics?: string | string[]; name?: string };
  return {
    token,
    expiresAt: new Date((claims.exp ?? 0) * 1000).toISOString(),
    role: claims.roles?.[0] ?? 'unknown',
    subject: claims.sub ?? '',
    name: name ?? claims.name ?? claims.sub ?? '',
    clinics: claims.clinics === '*' ? 'all' : Array.isArray(claims.clinics) ? claims.clinics : [],
  };
}

/** Kept for the tab only (sessionStorage): closing the tab signs out. */
export function loadPerson(): SignedInPerson | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const person = JSON.parse(raw) as SignedInPerson;
  return Date.parse(person.expiresAt) > Date.now() ? person : undefined;
}

export function savePerson(person: SignedInPerson | undefined): void {
  if (person) sessionStorage.setItem(KEY, JSON.stringify(person));
  else sessionStorage.removeItem(KEY);
}
