/** The callback found no sign-in waiting in this tab: none started here, or it already finished. */
export class NoSignInStarted extends Error {
  constructor() {
    super('no sign-in is pending in this tab');
  }
}

interface OAuthFailure {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly error?: unknown;
  readonly error_description?: unknown;
}

/**
 * What went wrong with a sign-in, said for the person at the screen. The OAuth library's
 * errors are told apart by their `code` (oauth4webapi's constants), so this stays plain logic.
 */
export function signInFailure(error: unknown): string {
  const failure = (error ?? {}) as OAuthFailure;
  const message = typeof failure.message === 'string' ? failure.message : '';
  if (error instanceof NoSignInStarted)
    return 'No sign-in was waiting in this tab: it was already finished, or started elsewhere.';
  if (failure.code === 'OAUTH_INVALID_RESPONSE' && message.includes('"state"'))
    return 'The answer from your health system does not belong to the sign-in started in this tab, so it was refused.';
  if (failure.code === 'OAUTH_INVALID_RESPONSE' && message.includes('"iss"'))
    return 'The answer came from another identity provider than the one this site uses, so it was refused.';
  if (failure.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR')
    return failure.error === 'access_denied'
      ? 'Sign-in was cancelled at your health system.'
      : `Your health system refused the sign-in: ${describe(failure)}.`;
  if (failure.code === 'OAUTH_RESPONSE_BODY_ERROR')
    return failure.error === 'invalid_grant'
      ? 'This sign-in was already used or has expired.'
      : `Your health system refused the sign-in: ${describe(failure)}.`;
  if (error instanceof TypeError)
    return "Your health system's sign-in could not be reached. Check the connection.";
  return message || 'Sign-in failed for a reason the page could not tell.';
}

function describe(failure: OAuthFailure): string {
  return typeof failure.error_description === 'string' && failure.error_description
    ? failure.error_description
    : String(failure.error);
}
