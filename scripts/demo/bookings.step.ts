import type { DemoClient, Reply } from './demo-client';
import { detailOf } from './demo-client';
import { demoFraction } from './demo-ids';
import { inPool, log, Tally } from './demo-progress';
import type { Patient, Roster, StaffMember } from './demo-roster';

export interface Appointment {
  appointmentId: string;
  status: string;
  patientId: string;
  providerId: string;
  start: string;
  end: string;
  visitType: string;
}
interface Slot {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
/** Days ahead the seed books into; a provider whose credential expires soon gets the first week. */
const BOOKING_DAYS = 28;
const EXPIRING_CREDENTIAL_BOOKING_DAYS = 6;
const CANCEL_REASONS = [
  'patient-request',
  'patient-request',
  'provider-unavailable',
  'technical',
  'other',
] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type As = { role: 'coordinator'; subject: string };

/** A provider's appointments in the window the seed books into, by patient. */
export async function appointmentsOf(
  client: DemoClient,
  as: As,
  providerId: string,
  from: Date,
  to: Date,
): Promise<Map<string, Appointment>> {
  const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const reply = await client.call<Appointment[]>(
    'scheduling',
    as,
    'GET',
    `/api/v1/providers/${providerId}/appointments?${query}`,
  );
  if (reply.status !== 200)
    throw new Error(
      `scheduling: provider appointments answered ${reply.status} ${detailOf(reply)}`,
    );
  return new Map(reply.body.map((a) => [a.patientId, a]));
}

export async function freeSlots(
  client: DemoClient,
  as: As,
  provider: StaffMember,
  visitType: 'video' | 'audio',
  from: Date,
  to: Date,
): Promise<Slot[]> {
  const query = new URLSearchParams({
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone: provider.timeZone,
    visitType,
  });
  const reply = await client.call<{ slots: Slot[] }>(
    'scheduling',
    as,
    'GET',
    `/api/v1/providers/${provider.id}/slots?${query}`,
  );
  if (reply.status !== 200)
    throw new Error(`scheduling: slots answered ${reply.status} ${detailOf(reply)}`);
  return reply.body.slots;
}

let credentialAttempts = 60;

/**
 * The training step recorded nothing new: the credentials scheduling knows are all it will learn
 * (a history's lapsed ones included), so a refusal for want of one is final, not worth a retry.
 */
export function credentialsSettled(): void {
  credentialAttempts = 1;
}

/**
 * Books with a retry while scheduling has not yet seen the provider's credential (it learns it
 * from training's events on Kafka, a moment after the training step).
 */
export async function book(
  client: DemoClient,
  as: As,
  body: Record<string, unknown>,
): Promise<Reply<Appointment>> {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await client.call<Appointment>(
      'scheduling',
      as,
      'POST',
      '/api/v1/appointments',
      body,
    );
    if (
      reply.status !== 409 ||
      !/credential/i.test(detailOf(reply)) ||
      attempt >= credentialAttempts
    )
      return reply;
    await sleep(2000);
  }
}

/** The language a patient asks an interpreter for, if this visit has one. */
export function interpreterFor(roster: Roster, patient: Patient): string | undefined {
  if (patient.language === 'en' || demoFraction(roster.seed, `interpreter:${patient.id}`) >= 0.6)
    return undefined;
  return patient.language;
}

/**
 * Books with an interpreter of the language held from the pool; when none of them is free
 * then, asks for one on demand at visit time instead, as a coordinator would.
 */
export async function bookWithInterpreter(
  client: DemoClient,
  as: As,
  body: Record<string, unknown>,
  language: string | undefined,
): Promise<{ reply: Reply<Appointment>; interpreter?: 'held' | 'on demand' }> {
  if (!language) return { reply: await book(client, as, body) };
  const held = await book(client, as, { ...body, interpreter: { language } });
  if (held.status !== 409 || !/interpreter/i.test(detailOf(held)))
    return { reply: held, interpreter: 'held' };
  const reply = await book(client, as, { ...body, interpreter: { language, onDemand: true } });
  return { reply, interpreter: 'on demand' };
}

/**
 * Which provider sees which patient: every patient with a planned visit, spread over the
 * bookable providers of their clinic (not on demand, with a current or expiring credential).
 */
export function bookingPlan(roster: Roster): {
  bookable: StaffMember[];
  plan: Map<string, Patient[]>;
} {
  const bookable = roster.staff.filter(
    (s) =>
      s.role === 'provider' &&
      !s.schedule?.onDemand &&
      (s.training === 'current' || s.training === 'expiring'),
  );
  const plan = new Map<string, Patient[]>(bookable.map((p) => [p.id, []]));
  for (const clinic of roster.clinics) {
    const providers = bookable.filter((p) => p.clinicId === clinic.id);
    roster.patients
      .filter((p) => p.clinicId === clinic.id && p.visit)
      .forEach((patient, k) => plan.get(providers[k % providers.length].id)?.push(patient));
  }
  return { bookable, plan };
}

const bookingDaysOf = (provider: StaffMember) =>
  provider.training === 'expiring' ? EXPIRING_CREDENTIAL_BOOKING_DAYS : BOOKING_DAYS;

/**
 * About how many days from now each planned visit falls when the seed books it: a provider's
 * patients are spread evenly over their free slots in the order of the plan (see seedBookings),
 * so the k-th of n lands about (k + 0.5) / n into the provider's booking days. Known before
 * anything is booked, so a step that must come first (contact preferences) can pick the visits
 * of the next days.
 */
export function daysToPlannedVisits(roster: Roster): Map<string, number> {
  const { bookable, plan } = bookingPlan(roster);
  const days = new Map<string, number>();
  for (const provider of bookable) {
    const patients = plan.get(provider.id) ?? [];
    const span = bookingDaysOf(provider);
    patients.forEach((patient, k) => days.set(patient.id, ((k + 0.5) / patients.length) * span));
  }
  return days;
}

/** Requests per provider: three reads (appointments, video and audio slots) before booking. */
const READS = 3;

/** The reads of each provider, a booking per planned visit, a cancellation where planned. */
export function plannedBookings(roster: Roster): number {
  const { plan } = bookingPlan(roster);
  return [...plan.values()].reduce(
    (n, patients) => n + READS + patients.length + patients.filter((p) => p.visit?.cancel).length,
    0,
  );
}

/**
 * Four weeks of visits: every patient with a planned visit gets one with a provider of their
 * clinic, spread over the provider's free slots; about one in four is audio-only, some have an
 * interpreter, and about 7% are cancelled again (those inside a day of the visit count as late).
 * A patient who already has a visit with that provider is not booked again.
 */
export async function seedBookings(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  coordinatorOf: (clinicId: string) => string,
  concurrency: number,
): Promise<void> {
  const now = Date.now();
  const { bookable, plan } = bookingPlan(roster);
  log(
    `bookings: ${[...plan.values()].reduce((n, list) => n + list.length, 0)} visits planned with ${bookable.length} providers`,
  );
  const weight = (provider: StaffMember) => {
    const patients = plan.get(provider.id) ?? [];
    return READS + patients.length + patients.filter((p) => p.visit?.cancel).length;
  };
  const pool = { limit: concurrency, weight };
  await inPool('bookings (providers done)', bookable, pool, async (provider, _, tick) => {
    const as: As = { role: 'coordinator', subject: coordinatorOf(provider.clinicId) };
    const from = new Date(now);
    const existing = await appointmentsOf(
      client,
      as,
      provider.id,
      new Date(now - DAY_MS),
      new Date(now + 31 * DAY_MS),
    );
    const patients = plan.get(provider.id) ?? [];
    const toBook = patients.filter((p) => !existing.has(p.id));
    // An expiring credential refuses visits after it ends: book those providers' first week only.
    const until = new Date(now + bookingDaysOf(provider) * DAY_MS);
    const slots = {
      video: await freeSlots(client, as, provider, 'video', from, until),
      audio: await freeSlots(client, as, provider, 'audio', from, until),
    };
    // A provider's visits take minutes: the progress line moves with each, not per provider.
    tick(READS + patients.length - toBook.length);
    const taken: Slot[] = [];
    const overlaps = (slot: Slot) => taken.some((t) => t.start < slot.end && slot.start < t.end);
    for (const [i, patient] of toBook.entries()) {
      tick();
      const type = patient.visit?.type ?? 'video';
      const list = slots[type];
      let index = Math.floor(((i + 0.5) * list.length) / toBook.length);
      while (index < list.length && overlaps(list[index])) index += 1;
      const slot = list[index];
      if (!slot) {
        tally.add('appointment', 'skipped');
        continue;
      }
      taken.push(slot);
      const { reply, interpreter } = await bookWithInterpreter(
        client,
        as,
        {
          providerId: provider.id,
          patientId: patient.id,
          clinicId: provider.clinicId,
          patientLocation: { state: patient.state },
          visitType: type,
          start: slot.start,
          end: slot.end,
          timeZone: provider.timeZone,
        },
        interpreterFor(roster, patient),
      );
      if (reply.status !== 201) {
        tally.add('appointment', 'failed', `${reply.status} ${detailOf(reply)}`);
        continue;
      }
      tally.add('appointment', 'created');
      if (interpreter) tally.add(`appointment with interpreter ${interpreter}`, 'created');
      if (type === 'audio') tally.add('audio-only appointment', 'created');
      existing.set(patient.id, reply.body);
    }
    for (const patient of patients) {
      if (patient.visit)
        tally.add('appointment (planned)', existing.has(patient.id) ? 'existing' : 'skipped');
      const appointment = existing.get(patient.id);
      if (!patient.visit?.cancel) continue;
      tick();
      if (appointment) await cancel(client, as, appointment, roster.seed, tally);
    }
  });
}

export async function cancel(
  client: DemoClient,
  as: As,
  appointment: Appointment,
  seed: number,
  tally: Tally,
): Promise<void> {
  if (appointment.status === 'cancelled') {
    tally.add('cancellation', 'existing');
    return;
  }
  const r = demoFraction(seed, `reason:${appointment.patientId}`);
  const reply = await client.call(
    'scheduling',
    as,
    'POST',
    `/api/v1/appointments/${appointment.appointmentId}/cancel`,
    {
      reasonCode: CANCEL_REASONS[Math.floor(r * CANCEL_REASONS.length)],
    },
  );
  const late = Date.parse(appointment.start) - Date.now() < DAY_MS;
  tally.add(
    late ? 'cancellation (late)' : 'cancellation',
    reply.status === 200 ? 'created' : reply.status === 409 ? 'existing' : 'failed',
    `${reply.status} ${detailOf(reply)}`,
  );
}
