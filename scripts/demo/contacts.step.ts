import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { daysToPlannedVisits } from './bookings.step';
import { CLINICS } from './demo-health-system';
import { demoFraction } from './demo-ids';
import { inPool, log, Tally } from './demo-progress';
import type { Patient, Roster } from './demo-roster';

/**
 * Patients with a visit booked for today or the next two days get contact points: enough for
 * their booking confirmations, reminders and join links to show in Mailpit while the demo runs,
 * without a message for each of the four weeks of bookings.
 */
export const CONTACT_DAYS = 3;

/** The domain of the demo's e-mail addresses (`.local`: nothing there leaves the machine). */
export const DEMO_EMAIL_DOMAIN = 'patients.demo.thc.local';

/** What the last run recorded, for `npm start`'s summary (scripts/demo/demo-messages.ts). */
const OUTCOME_FILE = join(__dirname, '..', '..', '.infra', 'demo-contacts.json');

export interface ContactsOutcome {
  readonly seed: number;
  readonly patients: number;
  readonly planned: number;
  /** Patients whose contact preferences are recorded: by this run or before it. */
  readonly recorded: number;
}

/** The last run's outcome for this seed and roster size, if there is one. */
export function lastContactsOutcome(seed: number, patients: number): ContactsOutcome | undefined {
  try {
    const outcome = JSON.parse(readFileSync(OUTCOME_FILE, 'utf8')) as ContactsOutcome;
    return outcome.seed === seed && outcome.patients === patients ? outcome : undefined;
  } catch {
    return undefined;
  }
}

/** Mobile numbers from the 555-0100..0199 range set aside for fiction, an area code per clinic. */
const AREA_CODES: Record<(typeof CLINICS)[number]['key'], string> = {
  northeast: '212',
  lakes: '716',
  pacific: '619',
};

export interface ContactPreferences {
  readonly email: string;
  readonly mobile?: string;
  readonly preferredLanguage: string;
  readonly timeZone: string;
  readonly quietHours?: { readonly start: string; readonly end: string };
  readonly consent: { readonly byEmail: boolean; readonly bySms: boolean };
}

/** A patient the step records, and what they state. */
export interface ContactPlan {
  readonly patient: Patient;
  readonly preferences: ContactPreferences;
}

/** The share of the patients with contact points who read Spanish. */
const SPANISH_SHARE = 0.25;

/**
 * The patients kept for the visits happening now, and those whose planned visit falls within
 * CONTACT_DAYS, with what each states: an e-mail address; the language they read (the Spanish
 * speakers of the roster and, up to a quarter in all, bilingual patients who would rather read
 * Spanish; Chinese and Vietnamese speakers state theirs and are written to in English, the
 * fallback); their clinic's zone; quiet hours for about a third; a mobile and SMS consent for
 * about one in six.
 */
export function contactPlan(roster: Roster): ContactPlan[] {
  const days = daysToPlannedVisits(roster);
  const zones = new Map(roster.clinics.map((c) => [c.id, c.timeZone]));
  const areas = new Map(roster.clinics.map((c, i) => [c.id, AREA_CODES[CLINICS[i].key]]));
  const fraction = (name: string, patient: Patient) =>
    demoFraction(roster.seed, `contact-${name}:${patient.id}`);
  const chosen = roster.patients
    .map((patient, n) => ({ patient, n }))
    .filter(({ patient }) => patient.live || (days.get(patient.id) ?? Infinity) < CONTACT_DAYS);
  // Picked by rank, not by chance: a few dozen patients would stray far from a quarter.
  const spanishSpeakers = chosen.filter(({ patient }) => patient.language === 'es');
  const bilingual = chosen
    .filter(({ patient }) => patient.language !== 'es')
    .sort((a, b) => fraction('language', a.patient) - fraction('language', b.patient))
    .slice(0, Math.max(0, Math.round(chosen.length * SPANISH_SHARE) - spanishSpeakers.length));
  const spanish = new Set([...spanishSpeakers, ...bilingual].map(({ patient }) => patient.id));
  return chosen.map(({ patient, n }) => {
    const quiet = fraction('quiet', patient);
    const bySms = fraction('sms', patient) < 1 / 6;
    const preferences: ContactPreferences = {
      email: `patient-${n}@${DEMO_EMAIL_DOMAIN}`,
      ...(bySms
        ? { mobile: `+1${areas.get(patient.clinicId)}55501${String(n % 100).padStart(2, '0')}` }
        : {}),
      preferredLanguage: spanish.has(patient.id) ? 'es' : patient.language,
      timeZone: zones.get(patient.clinicId) ?? 'America/New_York',
      ...(quiet < 0.2
        ? { quietHours: { start: '21:00', end: '08:00' } }
        : quiet < 0.33
          ? { quietHours: { start: '22:00', end: '07:00' } }
          : {}),
      consent: { byEmail: true, bySms },
    };
    return { patient, preferences };
  });
}

/** A read, and a write where none is recorded yet. */
export function plannedContacts(roster: Roster): number {
  return contactPlan(roster).length * 2;
}

/**
 * Records each planned patient's contact preferences in the notifications service, as the
 * patient does for themself in the portal (a coordinator reaches them only through a visit,
 * and the visits are booked after this, so that their confirmations find an address). A
 * record that exists is left as it is: the patient may have changed it or opted out since.
 */
export async function seedContacts(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  concurrency: number,
): Promise<void> {
  const plan = contactPlan(roster);
  const count = (test: (p: ContactPreferences) => boolean) =>
    plan.filter((p) => test(p.preferences)).length;
  log(
    `contact preferences: ${plan.length} patients with a visit today or in the next ${CONTACT_DAYS - 1} days ` +
      `(${count((p) => p.preferredLanguage === 'es')} in Spanish, ${count((p) => !!p.quietHours)} with quiet hours, ` +
      `${count((p) => p.consent.bySms)} also by SMS)`,
  );
  const pool = { limit: concurrency, weight: () => 2 };
  let recorded = 0;
  await inPool('contact preferences', plan, pool, async ({ patient, preferences }, _, tick) => {
    const as = { role: 'patient' as const, subject: patient.id };
    const path = `/api/v1/people/${patient.id}/contact-preferences`;
    const read = await client.call('notifications', as, 'GET', path);
    tick();
    if (read.status === 200) {
      recorded += 1;
      return tally.add('contact preferences', 'existing');
    }
    if (read.status === 410) return tally.add('contact preferences', 'skipped');
    if (read.status !== 404) {
      tally.add('contact preferences', 'failed', `GET ${read.status} ${detailOf(read)}`);
      return;
    }
    const put = await client.call('notifications', as, 'PUT', path, preferences);
    if (put.status === 200) recorded += 1;
    tally.add(
      'contact preferences',
      put.status === 200 ? 'created' : 'failed',
      `${put.status} ${detailOf(put)}`,
    );
  });
  const outcome: ContactsOutcome = {
    seed: roster.seed,
    patients: roster.patients.length,
    planned: plan.length,
    recorded,
  };
  mkdirSync(dirname(OUTCOME_FILE), { recursive: true });
  writeFileSync(OUTCOME_FILE, JSON.stringify(outcome));
}
