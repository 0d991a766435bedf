import { DateTime } from 'luxon';
// The session of an appointment is a name-based id of it, the same one the sessions service
// derives when it creates the session from AppointmentBooked.
import { sessionIdOf } from '../../services/sessions/src/visits/domain/session-id';
import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { appointmentsOf, bookWithInterpreter, cancel, freeSlots } from './bookings.step';
import { inPool, log, Tally } from './demo-progress';
import type { Patient, Roster, StaffMember } from './demo-roster';

const PER_PROVIDER = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type As = { role: 'coordinator'; subject: string };

/**
 * About the requests of one on-demand provider: two reads, the bookings, a cancellation and
 * three arrivals (the two visits that run to the end make some 17 requests each, the third 4).
 */
const PER_PROVIDER_REQUESTS = 3 + PER_PROVIDER + 17 * 2 + 4;

export function plannedLiveVisits(roster: Roster): number {
  return roster.staff.filter((s) => s.schedule?.onDemand).length * PER_PROVIDER_REQUESTS;
}

/**
 * The patients kept for live visits, each with an on-demand provider licensed in the state the
 * patient is in (a provider may not see a patient elsewhere), at most PER_PROVIDER each.
 */
function livePatientsByProvider(
  roster: Roster,
  providers: readonly StaffMember[],
): Map<string, Patient[]> {
  const byProvider = new Map<string, Patient[]>(providers.map((p) => [p.id, []]));
  roster.patients
    .filter((patient) => patient.live)
    .forEach((patient, n) => {
      const licensed = providers.filter(
        (provider) =>
          provider.licences.some((licence) => licence.state === patient.state) &&
          (byProvider.get(provider.id)?.length ?? 0) < PER_PROVIDER,
      );
      const provider = licensed[n % Math.max(licensed.length, 1)];
      if (provider) byProvider.get(provider.id)?.push(patient);
    });
  return byProvider;
}

/**
 * Visits that happen while the seed runs, with the on-demand providers (minimum notice 0): the
 * next free slots are booked for the patients kept for this, one of them cancels at short
 * notice, and the patients of the visits starting soonest join through their signed link (the
 * first video, some audio-only or dial-in) and are checked in, so the waiting room shows them;
 * their provider joins too. Patients who already have such a visit today are left alone.
 */
export async function seedLiveVisits(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  coordinatorOf: (clinicId: string) => string,
): Promise<void> {
  const providers = roster.staff.filter((s) => s.schedule?.onDemand);
  const patientsOf = livePatientsByProvider(roster, providers);
  const pool = { limit: providers.length, weight: () => PER_PROVIDER_REQUESTS };
  await inPool('live visits (providers done)', providers, pool, async (provider) => {
    const as: As = { role: 'coordinator', subject: coordinatorOf(provider.clinicId) };
    const patients = patientsOf.get(provider.id) ?? [];
    const local = DateTime.now().setZone(provider.timeZone);
    const dayStart = local.startOf('day').toJSDate();
    const dayEnd = local.endOf('day').toJSDate();
    const existing = await appointmentsOf(client, as, provider.id, dayStart, dayEnd);
    const slots = await freeSlots(
      client,
      as,
      provider,
      'video',
      new Date(),
      new Date(Date.now() + 4 * 3_600_000),
    );
    if (slots.length === 0 && existing.size === 0) {
      log(
        `live visits: ${provider.timeZone} is outside the on-demand hours (06:00-23:30) now; none booked`,
      );
      tally.add('live visit', 'skipped');
      return;
    }
    for (const [i, patient] of patients.entries()) {
      if (existing.has(patient.id)) {
        tally.add('live visit', 'existing');
        continue;
      }
      const slot = slots.shift();
      if (!slot) break;
      const { reply } = await bookWithInterpreter(
        client,
        as,
        {
          providerId: provider.id,
          patientId: patient.id,
          clinicId: provider.clinicId,
          patientLocation: { state: patient.state },
          visitType: i % 3 === 1 ? 'audio' : 'video',
          start: slot.start,
          end: slot.end,
          timeZone: provider.timeZone,
        },
        i === 3 ? 'es' : undefined,
      );
      if (reply.status !== 201) {
        tally.add('live visit', 'failed', `${reply.status} ${detailOf(reply)}`);
        continue;
      }
      tally.add('live visit', 'created');
      existing.set(patient.id, reply.body);
    }
    // The last one cancels at short notice (a late cancellation).
    const last = patients[patients.length - 1];
    const lastAppointment = last && existing.get(last.id);
    if (lastAppointment) await cancel(client, as, lastAppointment, roster.seed, tally);
    // Patients of the first three visits arrive: join by link, check in; the provider joins.
    for (const [i, patient] of patients.slice(0, 3).entries()) {
      const appointment = existing.get(patient.id);
      if (!appointment || appointment.status !== 'booked') {
        if (appointment) tally.add('patient arrived', 'existing');
        continue;
      }
      // Join links open 30 minutes before the start: later visits wait for their patients.
      if (Date.parse(appointment.start) - Date.now() > 25 * 60_000) {
        tally.add('patient arrived', 'skipped');
        continue;
      }
      await arrive(client, as, provider, patient, appointment.appointmentId, i, tally);
    }
  });
}

/**
 * One patient's visit as it happens: device check, join by link (waiting room), check-in, and for
 * the first two the provider starts the session (consent gate), admits the patient, joins; the
 * call sends quality samples, the second falls back to audio only on a poor connection; the
 * visit ends completed and the patient answers the survey. The third patient is left waiting.
 * A step the sessions API does not offer (404) is counted as skipped.
 */
async function arrive(
  client: DemoClient,
  as: As,
  provider: StaffMember,
  patient: Patient,
  appointmentId: string,
  i: number,
  tally: Tally,
): Promise<void> {
  const sessionId = sessionIdOf(appointmentId);
  const session = `/api/v1/sessions/${sessionId}`;
  const link = await issueLink(client, as, sessionId, patient.id);
  if (link.status !== 201) {
    tally.add('join link', 'failed', `${link.status} ${detailOf(link)}`);
    return;
  }
  tally.add('join link', 'created');
  const step = async (kind: string, path: string, body?: unknown, ok = [200, 201, 204]) => {
    const reply = await client.call('sessions', as, 'POST', `${session}${path}`, body ?? {});
    tally.add(
      kind,
      ok.includes(reply.status) ? 'created' : reply.status === 404 ? 'skipped' : 'failed',
      `${reply.status} ${detailOf(reply)}`,
    );
    return ok.includes(reply.status);
  };
  await step('pre-visit check', '/pre-visit-checks', {
    participantId: patient.id,
    checks: {
      camera: i === 2 ? 'warn' : 'pass',
      microphone: 'pass',
      speaker: 'pass',
      network: i === 1 ? 'warn' : 'pass',
    },
    network: {
      downlinkKbps: i === 1 ? 900 : 12_000,
      uplinkKbps: i === 1 ? 300 : 4_000,
      rttMs: i === 1 ? 240 : 45,
    },
    client: { device: i === 0 ? 'desktop' : 'mobile', browser: i === 0 ? 'chrome' : 'safari' },
  });
  const joined = await client.anonymous('sessions', '/api/v1/join', {
    token: tokenOf(link.body.url),
    media: i === 1 ? 'audio' : 'video',
    connection: i === 2 ? 'app' : 'browser',
  });
  tally.add(
    'patient joined',
    joined.status === 200 ? 'created' : 'failed',
    `${joined.status} ${detailOf(joined)}`,
  );
  if (joined.status !== 200) return;
  const checkedIn = await client.call(
    'scheduling',
    as,
    'POST',
    `/api/v1/appointments/${appointmentId}/check-in`,
    { sessionId },
  );
  tally.add(
    'patient arrived',
    checkedIn.status === 200 ? 'created' : checkedIn.status === 409 ? 'existing' : 'failed',
    `${checkedIn.status} ${detailOf(checkedIn)}`,
  );
  // In the waiting room the patient says where they are: the visit starts only with a
  // provider licensed in that state.
  const located = await client.call(
    'sessions',
    { role: 'patient', subject: patient.id },
    'POST',
    `/api/v1/sessions/${sessionId}/patient-location`,
    { state: patient.state },
  );
  tally.add(
    'patient location confirmed',
    located.status === 200 ? 'created' : 'failed',
    `${located.status} ${detailOf(located)}`,
  );
  if (i >= 2) return;
  // A few seconds in the waiting room before the provider is ready.
  await sleep(4000 + i * 6000);
  const providerAs = { role: 'provider' as const, subject: provider.id };
  if (!(await step('session started', '/start'))) return;
  await step('patient admitted', '/admit');
  // Admitted, the patient's page presents the link again and enters the room.
  const entered = await client.anonymous('sessions', '/api/v1/join', {
    token: tokenOf(link.body.url),
    media: i === 1 ? 'audio' : 'video',
  });
  tally.add(
    'patient entered the room',
    entered.status === 200 ? 'created' : 'failed',
    `${entered.status} ${detailOf(entered)}`,
  );
  const present = entered.status === 200 ? [patient.id] : [];
  const providerLink = await issueLink(client, as, sessionId, provider.id);
  if (providerLink.status === 201) {
    const joinedProvider = await client.anonymous('sessions', '/api/v1/join', {
      token: tokenOf(providerLink.body.url),
    });
    tally.add(
      'provider joined',
      joinedProvider.status === 200 ? 'created' : 'failed',
      `${joinedProvider.status} ${detailOf(joinedProvider)}`,
    );
    if (joinedProvider.status === 200) present.push(provider.id);
  }
  for (let n = 0; n < 3; n += 1) {
    const poor = i === 1 && n > 0;
    for (const participantId of present) {
      const reply = await client.call(
        'sessions',
        participantId === provider.id ? providerAs : as,
        'POST',
        `${session}/participants/${participantId}/quality-samples`,
        {
          rttMs: poor ? 380 + n * 40 : 40 + n * 5,
          jitterMs: poor ? 45 : 6,
          packetLossPercent: poor ? 6.5 : 0.3,
          bitrateKbps: poor ? 180 : 1_800,
        },
      );
      tally.add(
        'quality sample',
        reply.status === 204 ? 'created' : reply.status === 404 ? 'skipped' : 'failed',
        `${reply.status} ${detailOf(reply)}`,
      );
    }
    await sleep(5000);
  }
  if (i === 1)
    await step('audio-only fallback', `/participants/${patient.id}/audio-only`, {
      trigger: 'poor-connection',
    });
  if (!(await step('visit ended', '/end', { outcome: 'completed' }))) return;
  const survey = await client.call(
    'sessions',
    { role: 'patient', subject: patient.id },
    'POST',
    `${session}/survey`,
    {
      overall: i === 0 ? 5 : 4,
      wouldRecommend: i === 0 ? 10 : 8,
      technicalQuality: i === 0 ? 5 : 3,
    },
  );
  tally.add(
    'survey',
    survey.status === 201
      ? 'created'
      : survey.status === 409
        ? 'existing'
        : survey.status === 404
          ? 'skipped'
          : 'failed',
    `${survey.status} ${detailOf(survey)}`,
  );
}

/** The session exists once sessions has read AppointmentBooked from Kafka: retry until then. */
async function issueLink(client: DemoClient, as: As, sessionId: string, participantId: string) {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await client.call<{ url: string }>(
      'sessions',
      as,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      { participantId },
    );
    if (reply.status === 201 || ![404, 409].includes(reply.status) || attempt >= 30) return reply;
    await sleep(1000);
  }
}

const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1).replace(/^token=/, '');
