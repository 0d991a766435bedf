import { eventDefinition } from '@thc/contracts';
import { DateTime } from 'luxon';

/** One event as a producer would publish it: CloudEvents type, id, time, data. */
export interface FixtureEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly data: Record<string, unknown>;
}

export interface FixtureOptions {
  readonly seed: number;
  readonly visits: number;
  /** First calendar day of visits (America/New_York). */
  readonly from: string;
  readonly days: number;
  readonly clinics: number;
  readonly providersPerClinic: number;
}

const ZONE = 'America/New_York';

/** A small deterministic generator (mulberry32), so a seed always gives the same events. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const iso = (at: DateTime): string => at.toUTC().toISO({ suppressMilliseconds: true }) ?? '';

/**
 * A telehealth program's events: provider schedules and credentials, then visits with
 * bookings, cancellations, no-shows, waiting rooms, checks, quality samples, technical issues,
 * audio-only fallbacks and surveys, in the shape of the contract examples (so they pass schema
 * validation). Deterministic for a seed.
 */
export function programEvents(options: FixtureOptions): FixtureEvent[] {
  const next = random(options.seed);
  const id = () => uuidFrom(next);
  const between = (low: number, high: number) => Math.floor(low + next() * (high - low + 1));
  const events: FixtureEvent[] = [];
  const emit = (type: string, at: DateTime, data: Record<string, unknown>) => {
    // Optional facts of the examples that this fixture does not model are left out.
    const { waitedSeconds, durationSeconds, audioOnly, participantQuality, ...example } =
      eventDefinition(type)?.example as Record<string, unknown>;
    void [waitedSeconds, durationSeconds, audioOnly, participantQuality];
    events.push({ id: id(), type, time: iso(at), data: { ...example, ...data } });
  };
  const system = { kind: 'system', service: 'sessions' };
  const clinics = Array.from({ length: options.clinics }, id);
  const providers = clinics.flatMap((clinicId) =>
    Array.from({ length: options.providersPerClinic }, () => ({ providerId: id(), clinicId })),
  );
  const firstDay = DateTime.fromISO(options.from, { zone: ZONE });
  for (const { providerId, clinicId } of providers) {
    const defined = firstDay.minus({ days: 30 });
    emit('thc.scheduling.ProviderScheduleDefined.v2', defined, {
      providerId,
      clinicId,
      timeZone: ZONE,
      slotMinutes: { video: 30, audio: 30 },
      weeklyRules: ['MO', 'TU', 'WE', 'TH', 'FR'].map((weekday) => ({
        weekday,
        start: '09:00',
        end: '17:00',
        visitTypes: ['video', 'audio'],
      })),
      exceptions: [],
      effectiveFrom: options.from,
      definedAt: iso(defined),
    });
    emit('thc.training.StaffCredentialed.v1', defined, {
      staffId: providerId,
      role: 'provider',
      credentialedAt: iso(defined),
      validUntil: iso(firstDay.plus({ days: between(1, options.days + 30) })),
      certificationIds: [id()],
    });
  }

  for (let n = 0; n < options.visits; n += 1) {
    const { providerId, clinicId } = providers[between(0, providers.length - 1)] ??
      providers[0] ?? { providerId: id(), clinicId: id() };
    const appointmentId = id();
    const sessionId = id();
    const patientId = id();
    const visitType = next() < 0.8 ? 'video' : 'audio';
    const start = firstDay.plus({
      days: between(0, options.days - 1),
      minutes: between(0, 15) * 30 + 9 * 60,
    });
    const end = start.plus({ minutes: 30 });
    const bookedAt = start.minus({ hours: between(1, 600) });
    const participants = [
      { participantId: patientId, role: 'patient' },
      { participantId: providerId, role: 'provider' },
    ];
    emit('thc.scheduling.AppointmentBooked.v1', bookedAt, {
      appointmentId,
      providerId,
      patientId,
      clinicId,
      visitType,
      start: start.toISO({ suppressMilliseconds: true }),
      end: end.toISO({ suppressMilliseconds: true }),
      timeZone: ZONE,
      participants,
      bookedAt: iso(bookedAt),
    });
    const fate = next();
    if (fate < 0.1) {
      const late = next() < 0.5;
      const cancelledAt = late ? start.minus({ hours: 2 }) : start.minus({ days: 3 });
      emit('thc.scheduling.AppointmentCancelled.v1', cancelledAt, {
        appointmentId,
        cancelledAt: iso(cancelledAt),
        late,
        reasonCode: 'patient-request',
      });
      continue;
    }
    emit('thc.sessions.SessionCreated.v1', bookedAt.plus({ seconds: 1 }), {
      sessionId,
      appointmentId,
      providerId,
      patientId,
      clinicId,
      visitType,
      scheduledStart: start.toISO({ suppressMilliseconds: true }),
      scheduledEnd: end.toISO({ suppressMilliseconds: true }),
      participants,
      createdAt: iso(bookedAt.plus({ seconds: 1 })),
    });
    const checkAt = start.minus({ minutes: 15 });
    for (let c = between(0, 2); c > 0; c -= 1)
      emit('thc.sessions.PreVisitCheckRecorded.v1', checkAt, {
        sessionId,
        participantId: patientId,
        role: 'patient',
        checkedAt: iso(checkAt),
        result: next() < 0.15 ? 'failed' : 'passed',
      });
    if (fate < 0.18) {
      const recordedAt = start.plus({ minutes: 20 });
      emit('thc.sessions.SessionEnded.v1', recordedAt, {
        sessionId,
        appointmentId,
        outcome: 'patient-no-show',
        endedAt: iso(recordedAt),
        endedBy: system,
        startedAt: undefined,
      });
      emit('thc.scheduling.AppointmentNoShow.v1', recordedAt, {
        appointmentId,
        patientId,
        providerId,
        sessionId,
        absent: 'patient',
        recordedAt: iso(recordedAt),
      });
      continue;
    }
    const arrivedAt = start.minus({ seconds: between(0, 600) });
    const admittedAt = arrivedAt.plus({ seconds: between(10, 1500) });
    const joinedAt = start.plus({ seconds: between(-120, 600) });
    emit('thc.sessions.PatientArrivedInWaitingRoom.v1', arrivedAt, {
      sessionId,
      appointmentId,
      patientId,
      arrivedAt: iso(arrivedAt),
    });
    emit('thc.sessions.ParticipantJoined.v1', joinedAt, {
      sessionId,
      participantId: providerId,
      role: 'provider',
      joinedAt: iso(joinedAt),
    });
    emit('thc.sessions.PatientAdmitted.v1', admittedAt, {
      sessionId,
      patientId,
      admittedAt: iso(admittedAt),
    });
    const startedAt = admittedAt > joinedAt ? admittedAt : joinedAt;
    emit('thc.sessions.SessionStarted.v1', startedAt, {
      sessionId,
      appointmentId,
      startedAt: iso(startedAt),
    });
    for (let s = between(1, 3); s > 0; s -= 1)
      emit('thc.sessions.ConnectionQualitySampled.v2', startedAt.plus({ minutes: s }), {
        sessionId,
        participantId: patientId,
        sampledAt: iso(startedAt.plus({ minutes: s })),
        rttMs: between(40, 700),
        jitterMs: between(2, 80),
        packetLossPercent: between(0, 60) / 10,
        bitrateKbps: 800,
        band: 'fair',
      });
    if (next() < 0.15) {
      const issueId = id();
      const openedAt = startedAt.plus({ minutes: 3 });
      const resolvedAt = openedAt.plus({ seconds: between(20, 2400) });
      emit('thc.sessions.TechnicalIssueOpened.v1', openedAt, {
        sessionId,
        issueId,
        participantId: patientId,
        openedAt: iso(openedAt),
      });
      emit('thc.sessions.TechnicalIssueResolved.v1', resolvedAt, {
        sessionId,
        issueId,
        resolvedAt: iso(resolvedAt),
      });
    }
    if (next() < 0.1)
      emit('thc.sessions.SwitchedToAudioOnly.v1', startedAt.plus({ minutes: 5 }), {
        sessionId,
        participantId: patientId,
        switchedAt: iso(startedAt.plus({ minutes: 5 })),
      });
    const endedAt = startedAt.plus({ minutes: between(5, 70) });
    emit('thc.sessions.SessionEnded.v1', endedAt, {
      sessionId,
      appointmentId,
      outcome: 'completed',
      startedAt: iso(startedAt),
      endedAt: iso(endedAt),
    });
    emit('thc.scheduling.AppointmentCompleted.v1', endedAt.plus({ seconds: 1 }), {
      appointmentId,
      sessionId,
      startedAt: iso(startedAt),
      endedAt: iso(endedAt),
      completedAt: iso(endedAt.plus({ seconds: 1 })),
    });
    if (next() < 0.6) {
      const submittedAt = endedAt.plus({ minutes: 2 });
      emit('thc.sessions.SurveySubmitted.v1', submittedAt, {
        sessionId,
        surveyId: id(),
        participantId: patientId,
        role: 'patient',
        submittedAt: iso(submittedAt),
        satisfaction: between(1, 5),
        nps: between(0, 10),
      });
    }
  }
  return events.map((event) => ({
    ...event,
    data: Object.fromEntries(Object.entries(event.data).filter(([, v]) => v !== undefined)),
  }));
}
