/** Why a bearer token was refused; the reason is safe to show to the caller. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';

  constructor(readonly reason: string) {
    super(reason);
  }
}
