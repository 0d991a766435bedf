import { demoFraction, demoId } from '../demo/demo-ids';
import {
  CLINICS,
  INTERPRETER_LANGUAGES,
  PROVIDER_ZONES,
  WEEKDAYS,
} from '../demo/demo-health-system';
import { DAY_MS } from './history-agenda';
import type { HistoryRandom } from './history-random';
import type { HistoryWorld } from './history-world';

export type StaffRole = 'provider' | 'coordinator' | 'interpreter';
/** What a staff member's training record shows by the end of the history. */
export type TrainingProfile = 'current' | 'expiring' | 'revoked' | 'incomplete';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export type ReminderChannel = 'sms' | 'email' | 'voice';

export interface Clinic {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
}

export interface ProviderPlan {
  readonly windows: readonly {
    readonly weekday: Weekday;
    readonly start: string;
    readonly end: string;
  }[];
  readonly slotMinutes: { readonly video: number; readonly audio: number };
  readonly bufferAfterMinutes: number;
  readonly minimumNoticeMinutes: number;
  /** On-demand providers take visits starting within minutes, every day. */
  readonly onDemand: boolean;
}

export interface StaffMember {
  readonly id: string;
  readonly role: StaffRole;
  readonly clinicId: string;
  readonly timeZone: string;
  readonly training: TrainingProfile;
  readonly language?: string;
  readonly schedule?: ProviderPlan;
}

export type ConsentPlan =
  | { readonly method: 'electronic-signature' | 'written'; readonly revoked: boolean }
  | { readonly method: 'verbal'; readonly witnessId: string; readonly revoked: boolean };

/** A patient: when they joined the program, who they usually see, how they give consent. */
export interface HistoryPatient {
  readonly id: string;
  readonly n: number;
  readonly clinicId: string;
  readonly language: string;
  readonly consent?: ConsentPlan;
  /** When the patient joined the program: no booking or consent before. */
  readonly since: number;
  readonly primaryProviderId: string;
  /** Where reminders go, when the patient asked for them (sealed before it is stored). */
  readonly reminder?: { readonly channel: ReminderChannel; readonly address: string };
}

export interface HistoryRoster {
  readonly clinics: readonly Clinic[];
  readonly staff: readonly StaffMember[];
  readonly providers: readonly StaffMember[];
  readonly patients: readonly HistoryPatient[];
  readonly trainerId: string;
  readonly auditorId: string;
  coordinatorsOf(clinicId: string): readonly StaffMember[];
  interpretersFor(language: string): readonly StaffMember[];
  /** Providers of the clinic who can be booked once credentialed. */
  providersOf(clinicId: string): readonly StaffMember[];
}

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DEMO_PROVIDERS = 40;
/** Visits the demo's 40 providers take on an average day before more are needed. */
const VISITS_PER_DAY_OF_THE_DEMO_PROVIDERS = 150;
const VISITS_PER_EXTRA_PROVIDER = 4;

/**
 * The health system of `seed:demo` (its clinics, and its staff and patients under the same
 * name-based ids, so that both seeds describe one system), sized for the planned visits: about
 * five visits per patient over the history, and more providers when the demo's 40 could not
 * take the load. The plans (hours, languages, who joined when) come from the history's own
 * random source, so the generator needs no faker and runs under Jest as well.
 */
export function buildHistoryRoster(world: HistoryWorld, visits: number): HistoryRoster {
  const rng = world.random('roster');
  const id = (name: string) => demoId(world.seed, name);
  const days = Math.max(1, (world.end - world.start) / DAY_MS);
  const clinics: Clinic[] = CLINICS.map((c) => ({
    id: id(`clinic:${c.key}`),
    name: c.name,
    timeZone: c.timeZone,
  }));
  const extra = Math.max(
    0,
    Math.ceil((visits / days - VISITS_PER_DAY_OF_THE_DEMO_PROVIDERS) / VISITS_PER_EXTRA_PROVIDER),
  );

  const staff: StaffMember[] = [];
  const onDemandZones = new Set<string>();
  for (let n = 0; n < DEMO_PROVIDERS + extra; n++) {
    const clinic = CLINICS[n % CLINICS.length];
    const timeZone = rng.pick(PROVIDER_ZONES[clinic.key]);
    const onDemand =
      n < DEMO_PROVIDERS && timeZone !== 'Europe/London' && !onDemandZones.has(timeZone);
    if (onDemand) onDemandZones.add(timeZone);
    // As in the demo, a few providers show the credential rules at work.
    const training: TrainingProfile =
      onDemand || n >= DEMO_PROVIDERS
        ? 'current'
        : n % 13 === 5
          ? 'revoked'
          : n % 11 === 7
            ? 'expiring'
            : n === 38
              ? 'incomplete'
              : 'current';
    staff.push({
      id: n < DEMO_PROVIDERS ? id(`provider:${n}`) : world.id(`provider:extra:${n}`),
      role: 'provider',
      clinicId: clinics[n % CLINICS.length].id,
      timeZone,
      training,
      schedule: onDemand ? onDemandPlan() : weeklyPlan(rng, timeZone),
    });
  }
  clinics.forEach((clinic, c) => {
    for (let n = 0; n < 2; n++)
      staff.push({
        id: id(`coordinator:${c}:${n}`),
        role: 'coordinator',
        clinicId: clinic.id,
        timeZone: clinic.timeZone,
        training: c === 1 && n === 1 ? 'expiring' : 'current',
      });
  });
  INTERPRETER_LANGUAGES.forEach((language, l) => {
    for (let n = 0; n < 2; n++) {
      const clinic = clinics[(l + n) % clinics.length];
      staff.push({
        id: id(`interpreter:${language}:${n}`),
        role: 'interpreter',
        clinicId: clinic.id,
        timeZone: clinic.timeZone,
        training: language === 'vi' && n === 1 ? 'revoked' : 'current',
        language,
      });
    }
  });

  const providers = staff.filter((s) => s.role === 'provider');
  const coordinatorsOf = (clinicId: string) =>
    staff.filter((s) => s.role === 'coordinator' && s.clinicId === clinicId);
  const providersOf = (clinicId: string) =>
    providers.filter((p) => p.clinicId === clinicId && p.training !== 'incomplete');
  const patientCount = Math.max(60, Math.round(visits / 5));
  const patients = Array.from({ length: patientCount }, (_, n) =>
    patientOf(world, rng, n, clinics[n % clinics.length], coordinatorsOf, providersOf),
  );
  return {
    clinics,
    staff,
    providers,
    patients,
    trainerId: id('trainer'),
    auditorId: id('auditor'),
    coordinatorsOf,
    interpretersFor: (language) =>
      staff.filter((s) => s.role === 'interpreter' && s.language === language),
    providersOf,
  };
}

function patientOf(
  world: HistoryWorld,
  rng: HistoryRandom,
  n: number,
  clinic: Clinic,
  coordinatorsOf: (clinicId: string) => readonly StaffMember[],
  providersOf: (clinicId: string) => readonly StaffMember[],
): HistoryPatient {
  const id = demoId(world.seed, `patient:${n}`);
  // The demo's consent plan for the same patient: most e-sign, some consent verbally to a
  // coordinator, about 6% never consent and 2% of the others withdraw.
  const r = demoFraction(world.seed, `consent:${id}`);
  const revoked = demoFraction(world.seed, `revoke:${id}`) < 0.02;
  const consent: ConsentPlan | undefined =
    r < 0.06
      ? undefined
      : r < 0.18
        ? { method: 'verbal', witnessId: rng.pick(coordinatorsOf(clinic.id)).id, revoked }
        : { method: r < 0.26 ? 'written' : 'electronic-signature', revoked };
  // Half were patients when the program went live and joined in its first week; the others
  // arrive over the history, up to two weeks before its end.
  const since = rng.chance(0.5)
    ? world.start + rng.between(0, 7 * DAY_MS)
    : world.start + rng.between(0, Math.max(DAY_MS, world.end - world.start - 14 * DAY_MS));
  const language = rng.weighted([
    ['en', 80],
    ['es', 12],
    ['zh', 5],
    ['vi', 3],
  ] as const);
  const channel = rng.weighted<ReminderChannel>([
    ['sms', 60],
    ['email', 35],
    ['voice', 5],
  ]);
  const address =
    channel === 'email' ? `patient-${n}@example.org` : `+1555${String(1_000_000 + n).slice(-7)}`;
  return {
    id,
    n,
    clinicId: clinic.id,
    language,
    ...(consent ? { consent } : {}),
    since,
    primaryProviderId: rng.pick(providersOf(clinic.id)).id,
    ...(rng.chance(0.65) ? { reminder: { channel, address } } : {}),
  };
}

/** Three to five weekdays of mornings, afternoons or a split day in the provider's own zone. */
function weeklyPlan(rng: HistoryRandom, timeZone: string): ProviderPlan {
  const days = WEEKDAYS.filter(() => rng.chance(0.75));
  const workdays = days.length >= 3 ? days : WEEKDAYS.slice(0, 3);
  const shifts =
    timeZone === 'Europe/London'
      ? [{ start: '13:00', end: '19:00' }]
      : rng.pick([
          [{ start: '08:00', end: '12:00' }],
          [{ start: '13:00', end: '17:00' }],
          [
            { start: '09:00', end: '12:00' },
            { start: '13:30', end: '16:30' },
          ],
        ]);
  return {
    windows: workdays.flatMap((weekday) => shifts.map((shift) => ({ weekday, ...shift }))),
    slotMinutes: { video: rng.pick([20, 30, 30, 40]), audio: 20 },
    bufferAfterMinutes: rng.pick([0, 5, 10]),
    minimumNoticeMinutes: 120,
    onDemand: false,
  };
}

/** Every day 06:00-23:30, 15-minute visits, no notice needed. */
function onDemandPlan(): ProviderPlan {
  return {
    windows: EVERY_DAY.map((weekday) => ({ weekday, start: '06:00', end: '23:30' })),
    slotMinutes: { video: 15, audio: 15 },
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    onDemand: true,
  };
}
