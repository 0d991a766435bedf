import { waitlistSettingsFromEnv } from './waitlist.settings';

const from = (env: Record<string, string>) => waitlistSettingsFromEnv((name) => env[name]);

describe('waitlist settings', () => {
  it('default to an hour per offer and a look every 30 s', () =>
    expect(from({})).toEqual({ offerMinutes: 60, pollMs: 30_000 }));

  it('read both variables; a poll of 0 turns the poller off', () =>
    expect(
      from({ SCHEDULING_WAITLIST_OFFER_MINUTES: '15', SCHEDULING_WAITLIST_POLL_MS: '0' }),
    ).toEqual({ offerMinutes: 15, pollMs: 0 }));

  it.each([
    ['SCHEDULING_WAITLIST_OFFER_MINUTES', '0'],
    ['SCHEDULING_WAITLIST_OFFER_MINUTES', '1.5'],
    ['SCHEDULING_WAITLIST_OFFER_MINUTES', '10081'],
    ['SCHEDULING_WAITLIST_POLL_MS', '-1'],
    ['SCHEDULING_WAITLIST_POLL_MS', 'often'],
  ])('refuse %s=%s at start-up', (name, value) =>
    expect(() => from({ [name]: value })).toThrow(name),
  );
});
