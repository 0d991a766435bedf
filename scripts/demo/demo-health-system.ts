// The demo health system's fixed shape: its clinics, where their providers work, the languages
// its interpreters speak and its working days. Free of the random generator, so the history
// generator (which has its own seeded randomness) shares it without loading faker.

/** The organization the demo clinics belong to. */
export const ORGANIZATION_NAME = 'Meridian Health Network';

/**
 * The demo health system's clinics, in two states (so licensure matters: a New York provider
 * may not see a patient who is in California); the generated history uses the same.
 */
export const CLINICS = [
  {
    key: 'northeast',
    name: 'Northeast Virtual Care',
    timeZone: 'America/New_York',
    address: { lines: ['55 Water Street'], city: 'New York', state: 'NY', postalCode: '10041' },
  },
  {
    key: 'lakes',
    name: 'Great Lakes Telehealth',
    timeZone: 'America/New_York',
    address: { lines: ['200 Delaware Avenue'], city: 'Buffalo', state: 'NY', postalCode: '14202' },
  },
  {
    key: 'pacific',
    name: 'Pacific Coast Virtual Clinic',
    timeZone: 'America/Los_Angeles',
    address: { lines: ['350 Tenth Avenue'], city: 'San Diego', state: 'CA', postalCode: '92101' },
  },
] as const;

/** Providers per clinic: most work in the clinic's zone, some remotely (one team in London). */
export const PROVIDER_ZONES: Record<string, readonly string[]> = {
  northeast: ['America/New_York', 'America/New_York', 'America/Chicago', 'Europe/London'],
  lakes: ['America/Chicago', 'America/Chicago', 'America/New_York', 'Europe/London'],
  pacific: ['America/Los_Angeles', 'America/Los_Angeles', 'America/Chicago', 'Europe/London'],
};

export const INTERPRETER_LANGUAGES = ['es', 'zh', 'vi'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
