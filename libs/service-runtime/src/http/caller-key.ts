/** What the rate limit reads of a request to tell who is calling. */
export interface RequestForCaller {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The client address as Express derives it (X-Forwarded-For within the trusted hops). */
  readonly ip?: string;
  /** Set by the access guard when it ran first. */
  readonly principal?: { readonly subject: string };
}

/**
 * The key a caller's budget is counted under: `sub:<subject>` when the request carries a
 * token that verifies, `ip:<address>` otherwise (no token, an invalid one, a public route).
 * A token that fails verification never names a budget: its subject is the caller's claim.
 */
export async function callerKey(
  request: RequestForCaller,
  subjectOf: (token: string) => Promise<string | undefined>,
): Promise<string> {
  if (request.principal) return `sub:${request.principal.subject}`;
  const token = bearerToken(request.headers['authorization']);
  if (token) {
    const subject = await subjectOf(token).catch(() => undefined);
    if (subject) return `sub:${subject}`;
  }
  return `ip:${request.ip ?? 'unknown'}`;
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(value ?? '')?.[1];
}
