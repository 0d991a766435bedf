import { Faker, en } from '@faker-js/faker';
import { demoFraction, demoId } from './demo-ids';
import {
  CLINICS,
  INTERPRETER_LANGUAGES,
  ORGANIZATION_NAME,
  PROVIDER_ZONES,
  WEEKDAYS,
} from './demo-health-system';

export type StaffRole = 'provider' | 'coordinator' | 'interpreter';
/** What the staff member's training record should show after the seed. */
export type TrainingProfile = 'current' | 'expiring' | 'revoked' | 'incomplete';
export type ConsentPlan =
  | { readonly method: 'electronic-signature' | 'written'; readonly revoked: boolean }
  | { readonly method: 'verbal'; readonly witnessId: string; readonly revoked: boolean };

export interface Clinic {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly address: (typeof CLINICS)[number]['address'];
}

/** As the directory lists a person: FHIR HumanName's parts. */
export interface PersonName {
  readonly family: string;
  readonly given: readonly string[];
  readonly prefix?: readonly string[];
}

export interface StateLicence {
  readonly state: string;
  readonly number: string;
  readonly expiresOn: string;
}

export interface WeeklyWindow {
  readonly weekday: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
  readonly start: string;
  readonly end: string;
}

export interface ProviderPlan {
  readonly windows: readonly WeeklyWindow[];
  readonly slotMinutes: { readonly video: number; readonly audio: number };
  readonly bufferAfterMinutes: number;
  readonly minimumNoticeMinutes: number;
  /** On-demand (urgent) providers take visits starting within minutes, every day. */
  readonly onDemand: boolean;
  /** Days from today (provider-local) closed for leave, within the four weeks. */
  readonly closedDayOffsets: readonly number[];
}

export interface StaffMember {
  readonly id: string;
  readonly role: StaffRole;
  readonly name: PersonName;
  readonly clinicId: string;
  /** Every clinic they work in or cover: their own, and for some coordinators a neighbour. */
  readonly clinicIds: readonly string[];
  /** Providers: a licence in their clinic's state, some also in the other state. */
  readonly licences: readonly StateLicence[];
  readonly timeZone: string;
  readonly training: TrainingProfile;
  /** Interpreters only: the BCP 47 language they interpret. */
  readonly language?: string;
  readonly schedule?: ProviderPlan;
}

export interface Patient {
  readonly id: string;
  readonly clinicId: string;
  /** Where they live, and so where they say they will be for a visit: their clinic's state. */
  readonly state: string;
  /** Preferred language; patients not speaking English get an interpreter now and then. */
  readonly language: string;
  readonly consent?: ConsentPlan;
  /** The kind of visit planned in the four weeks, if any. */
  readonly visit?: { readonly type: 'video' | 'audio'; readonly cancel: boolean };
  /** Reserved for the visits that happen while the seed runs. */
  readonly live: boolean;
}

export interface Roster {
  readonly seed: number;
  readonly organization: { readonly id: string; readonly name: string };
  readonly clinics: readonly Clinic[];
  readonly staff: readonly StaffMember[];
  readonly patients: readonly Patient[];
}

export const PROVIDER_COUNT = 40;
export const PATIENT_COUNT = 2000;
export const ON_DEMAND_PER_ZONE = 1;

/** Working hours in the provider's own zone; London providers cover the US morning. */
function windowsFor(faker: Faker, timeZone: string): WeeklyWindow[] {
  const days = faker.helpers.arrayElements(WEEKDAYS, faker.number.int({ min: 3, max: 5 }));
  const london = timeZone === 'Europe/London';
  const shifts = london
    ? [{ start: '13:00', end: '19:00' }]
    : faker.helpers.arrayElement([
        [{ start: '08:00', end: '12:00' }],
        [{ start: '13:00', end: '17:00' }],
        [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '16:30' },
        ],
      ]);
  return WEEKDAYS.filter((d) => days.includes(d)).flatMap((weekday) =>
    shifts.map((shift) => ({ weekday, ...shift })),
  );
}

/** Interpreters' hours in their clinic's zone: weekdays, early to late, any visit length. */
const INTERPRETER_HOURS: ProviderPlan = {
  windows: WEEKDAYS.map((weekday) => ({ weekday, start: '07:00', end: '20:00' })),
  slotMinutes: { video: 15, audio: 15 },
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  onDemand: false,
  closedDayOffsets: [],
};

const ON_DEMAND_WINDOWS: WeeklyWindow[] = (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map(
  (weekday) => ({ weekday, start: '06:00', end: '23:30' }),
);

/**
 * The whole demo health system, the same for the same seed on every run. Fewer patients give
 * the first ones of the full roster (patients are generated last, one after the other).
 */
export function buildRoster(seed: number, patientCount = PATIENT_COUNT): Roster {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const id = (name: string) => demoId(seed, name);
  const clinics: Clinic[] = CLINICS.map((c) => ({
    id: id(`clinic:${c.key}`),
    name: c.name,
    timeZone: c.timeZone,
    address: c.address,
  }));
  // Names and licences come from a generator of their own, so adding them left every
  // schedule, patient and visit of a seed as it was.
  const people = new Faker({ locale: [en] });
  people.seed(seed + 1);
  const nameOf = (role: StaffRole): PersonName => ({
    family: people.person.lastName(),
    given: [people.person.firstName()],
    ...(role === 'provider' ? { prefix: ['Dr.'] } : {}),
  });
  const states = [...new Set(CLINICS.map((c) => c.address.state))];
  const licence = (state: string): StateLicence => ({
    state,
    number: String(people.number.int({ min: 100_000, max: 999_999 })),
    expiresOn: `${new Date().getUTCFullYear() + 2}-06-30`,
  });

  const staff: StaffMember[] = [];
  // Providers: 40, spread over the clinics; the first of each zone group is on demand.
  const onDemandZones = new Set<string>();
  for (let n = 0; n < PROVIDER_COUNT; n += 1) {
    const clinicIndex = n % CLINICS.length;
    const clinicKey = CLINICS[clinicIndex].key;
    const timeZone = faker.helpers.arrayElement(PROVIDER_ZONES[clinicKey]);
    const onDemand = timeZone !== 'Europe/London' && !onDemandZones.has(timeZone);
    if (onDemand) onDemandZones.add(timeZone);
    // A few providers show the credential gate at work: lapsed, expiring, or never finished.
    const training: TrainingProfile = onDemand
      ? 'current'
      : n % 13 === 5
        ? 'revoked'
        : n % 11 === 7
          ? 'expiring'
          : n === 38
            ? 'incomplete'
            : 'current';
    const slotVideo = faker.helpers.arrayElement([20, 30, 30, 40]);
    const home = CLINICS[clinicIndex].address.state;
    // One provider in four also holds a licence in the other state, to cover its patients.
    const licensedIn = n % 4 === 3 ? states : [home];
    staff.push({
      id: id(`provider:${n}`),
      role: 'provider',
      name: nameOf('provider'),
      clinicId: clinics[clinicIndex].id,
      clinicIds: [clinics[clinicIndex].id],
      licences: licensedIn.map(licence),
      timeZone,
      training,
      schedule: {
        windows: onDemand ? ON_DEMAND_WINDOWS : windowsFor(faker, timeZone),
        slotMinutes: onDemand ? { video: 15, audio: 15 } : { video: slotVideo, audio: 20 },
        bufferAfterMinutes: onDemand ? 0 : faker.helpers.arrayElement([0, 5, 10]),
        minimumNoticeMinutes: onDemand ? 0 : 120,
        onDemand,
        closedDayOffsets: onDemand
          ? []
          : (faker.helpers.maybe(() => [faker.number.int({ min: 3, max: 25 })], {
              probability: 0.3,
            }) ?? []),
      },
    });
  }
  // Two coordinators per clinic (one with an outside certification about to expire); the
  // first of each also covers the other clinics of its state.
  clinics.forEach((clinic, c) => {
    const sameState = clinics.filter((other) => other.address.state === clinic.address.state);
    for (let n = 0; n < 2; n += 1)
      staff.push({
        id: id(`coordinator:${c}:${n}`),
        role: 'coordinator',
        name: nameOf('coordinator'),
        clinicId: clinic.id,
        clinicIds: n === 0 ? sameState.map((other) => other.id) : [clinic.id],
        licences: [],
        timeZone: clinic.timeZone,
        training: c === 1 && n === 1 ? 'expiring' : 'current',
      });
  });
  // Interpreters: two per language; one lets the HIPAA certification lapse (revoked).
  INTERPRETER_LANGUAGES.forEach((language, l) => {
    for (let n = 0; n < 2; n += 1)
      staff.push({
        id: id(`interpreter:${language}:${n}`),
        role: 'interpreter',
        name: nameOf('interpreter'),
        clinicId: clinics[(l + n) % clinics.length].id,
        clinicIds: [clinics[(l + n) % clinics.length].id],
        licences: [],
        // Interpreters are booked like providers: they have hours, and a visit holds them.
        schedule: INTERPRETER_HOURS,
        timeZone: clinics[(l + n) % clinics.length].timeZone,
        training: language === 'vi' && n === 1 ? 'revoked' : 'current',
        language,
      });
  });

  const coordinatorsOf = (clinicId: string) =>
    staff.filter((s) => s.role === 'coordinator' && s.clinicId === clinicId);
  const patients: Patient[] = [];
  for (let n = 0; n < patientCount; n += 1) {
    const patientId = id(`patient:${n}`);
    const clinic = clinics[n % clinics.length];
    const language = faker.helpers.weightedArrayElement([
      { weight: 80, value: 'en' },
      { weight: 12, value: 'es' },
      { weight: 5, value: 'zh' },
      { weight: 3, value: 'vi' },
    ]);
    // Consent: most patients e-sign; some give it verbally to a coordinator who witnesses it.
    const r = demoFraction(seed, `consent:${patientId}`);
    const revoked = demoFraction(seed, `revoke:${patientId}`) < 0.02;
    const live = n < 24;
    // Patients kept for the visits happening now have consented electronically: their visits start.
    const consent: ConsentPlan | undefined = live
      ? { method: 'electronic-signature', revoked: false }
      : r < 0.06
        ? undefined
        : r < 0.18
          ? {
              method: 'verbal',
              witnessId: faker.helpers.arrayElement(coordinatorsOf(clinic.id)).id,
              revoked,
            }
          : { method: r < 0.26 ? 'written' : 'electronic-signature', revoked };
    const v = demoFraction(seed, `visit:${patientId}`);
    const visit =
      live || v >= 0.9
        ? undefined
        : {
            type: (demoFraction(seed, `type:${patientId}`) < 0.25 ? 'audio' : 'video') as
              'video' | 'audio',
            cancel: demoFraction(seed, `cancel:${patientId}`) < 0.07,
          };
    patients.push({
      id: patientId,
      clinicId: clinic.id,
      state: clinic.address.state,
      language,
      consent,
      visit,
      live,
    });
  }
  return {
    seed,
    organization: { id: id('organization'), name: ORGANIZATION_NAME },
    clinics,
    staff,
    patients,
  };
}
