import { NoSignInStarted, signInFailure } from './sign-in-failure';

const oauthError = (code: string, message: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

describe('a failed sign-in, said for the person', () => {
  it('refuses an answer whose state is not the tab’s', () => {
    expect(
      signInFailure(
        oauthError('OAUTH_INVALID_RESPONSE', 'unexpected "state" response parameter value'),
      ),
    ).toContain('does not belong to the sign-in started in this tab');
  });

  it('says a used or expired code must start again', () => {
    expect(
      signInFailure(
        oauthError('OAUTH_RESPONSE_BODY_ERROR', 'server responded with an error', {
          error: 'invalid_grant',
        }),
      ),
    ).toBe('This sign-in was already used or has expired.');
  });

  it('says a callback without a pending sign-in must start again', () => {
    expect(signInFailure(new NoSignInStarted())).toContain('No sign-in was waiting in this tab');
  });

  it('tells a cancelled sign-in from a refused one, with the provider’s description', () => {
    expect(
      signInFailure(
        oauthError('OAUTH_AUTHORIZATION_RESPONSE_ERROR', 'error', { error: 'access_denied' }),
      ),
    ).toBe('Sign-in was cancelled at your health system.');
    expect(
      signInFailure(
        oauthError('OAUTH_AUTHORIZATION_RESPONSE_ERROR', 'error', {
          error: 'invalid_target',
          error_description: 'resource indicator is missing, or unknown',
        }),
      ),
    ).toBe('Your health system refused the sign-in: resource indicator is missing, or unknown.');
  });

  it('says when the provider cannot be reached', () => {
    expect(signInFailure(new TypeError('Failed to fetch'))).toContain('could not be reached');
  });

  it('keeps any other message', () => {
    expect(signInFailure(new Error('the identity provider names no token endpoint'))).toBe(
      'the identity provider names no token endpoint',
    );
  });
});
