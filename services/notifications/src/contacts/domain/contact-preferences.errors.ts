/** An opt-out for a person who never recorded any contact points: there is nothing to leave. */
export class NoContactPreferencesError extends Error {
  override readonly name = 'NoContactPreferencesError';
  constructor() {
    super('no contact preferences are recorded for this person');
  }
}
