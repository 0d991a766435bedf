/** A command the entry's rules refuse (HTTP 422 where a caller asked for it). */
export class WaitlistRuleError extends Error {
  override readonly name: string = 'WaitlistRuleError';
}

/** No entry with this id was ever stored (HTTP 404). */
export class WaitlistEntryNotFoundError extends WaitlistRuleError {
  override readonly name = 'WaitlistEntryNotFoundError';
  constructor() {
    super('no such waitlist entry');
  }
}

/** The entry has left the list: nothing more happens to it (HTTP 409). */
export class WaitlistEntryLeftError extends WaitlistRuleError {
  override readonly name = 'WaitlistEntryLeftError';
  constructor() {
    super('this waitlist entry has left the list');
  }
}
