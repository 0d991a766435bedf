// The demo health system's fixed shape: its clinics, where their providers work, the languages
// its interpreters speak and its working days. Free of the random generator, so the history
// generator (which has its own seeded randomness) shares it without loading faker.

/** The demo health system's clinics; the generated history uses the same. */
export const CLINICS = [
  { key: 'northeast', name: 'Northeast Virtual Care', timeZone: 'America/New_York' },
  { key: 'lakes', name: 'Great Lakes Telehealth', timeZone: 'America/Chicago' },
  { key: 'pacific', name: 'Pacific Coast Virtual Clinic', timeZone: 'America/Los_Angeles' },
] as const;

/** Providers per clinic: most work in the clinic's zone, some remotely (one team in London). */
export const PROVIDER_ZONES: Record<string, readonly string[]> = {
  northeast: ['America/New_York', 'America/New_York', 'America/Chicago', 'Europe/London'],
  lakes: ['America/Chicago', 'America/Chicago', 'America/New_York', 'Europe/London'],
  pacific: ['America/Los_Angeles', 'America/Los_Angeles', 'America/Chicago', 'Europe/London'],
};

export const INTERPRETER_LANGUAGES = ['es', 'zh', 'vi'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
