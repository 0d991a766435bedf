import { getConnectionToken } from '@nestjs/mongoose';
import { EventDataOf } from '@thc/contracts';
import { ConsumedEvent } from '@thc/messaging';
import {
  bearer,
  callService,
  CommandBudget,
  CommandCounter,
  consumedEvent,
  handlerOf,
  TestNamespace,
} from '@thc/testing';
import { PhiAccessRecorder } from '@thc/service-runtime';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { PlatformMonitor } from './platform-status/platform-monitor';
import { KeepConsentsFromComplianceEvents } from './visits/consent-gate/keep-consents-from-compliance-events.consumer';
import { KeepCredentialsFromTrainingEvents } from './visits/provider-qualifications/keep-credentials-from-training-events.consumer';
import { KeepLicencesAndClinicNamesFromDirectoryRecords } from './visits/provider-qualifications/keep-licences-and-clinic-names-from-directory-records.consumer';
import { PATIENT_STATE } from './visits/testing/qualified-provider';
import {
  CLINIC_RECORDED,
  clinicRecorded,
  CREDENTIALED,
  STAFF_MEMBER_RECORDED,
  staffCredentialed,
  staffMemberRecorded,
} from './visits/testing/qualification-events';
import { sessionIdOf } from './visits/domain/session-id';
import { KeepSessionsInStepWithAppointments } from './visits/follow-appointment/keep-sessions-in-step-with-appointments.consumer';
import { SessionViews } from './visits/infrastructure/session-views.projection';
import {
  BOOKED,
  booking,
  CONSENT_GRANTED,
  consentGranted,
  RESCHEDULED,
} from './visits/testing/scheduling-events';
import { advanceClock } from './visits/testing/sessions-test-app';
import { CONSENT_TEXT_VERSION } from './visits/give-consent-at-join/telehealth-consent-text.data';
import type { EventStream } from './visits/infrastructure/event-stream';
import { VisitStatusStream } from './visits/visit-page/visit-status.stream';
import { TodayBoardStream } from './visits/today/today-board.stream';
import { TodayBoard } from './visits/today/today-board.query';
import type { TodayBoardResponse } from './visits/today/today-board.dto';
import { useSessionsApp } from './visits/testing/sessions-testbed';

/**
 * Database commands (round trips) per use case on a warm instance: every use case runs once on
 * another session before it is measured. Ceilings pinned to the measured counts;
 * docs/performance.md lists what each command is.
 */
const budget = new CommandBudget({
  // Sent to the patient by default: sealing the link reads the patient's key (3 -> 4).
  'join link issued': 4,
  // A join reads which device the link is bound to, and the first exchange binds it (4 -> 6).
  join: 6,
  // The link holder's page: the guard reads the session view and the link's device by id; the
  // page reads the clinic, the provider's name, the consent and the waiting room (while the
  // patient waits); each poll of the live stream reads the view and the waiting room.
  'visit read by its link': 6,
  'visit status stream: first status and one poll': 3,
  'problem reported by its link': 10,
  'patient location confirmed': 3,
  // The link (view, device), the session, the consent read model, the patient's key for the
  // sealed language (read: the booking created it to seal the patient's link, 8 -> 7), the append
  // and the view.
  'consent given at join': 7,
  // The consent and the provider's licences are read side by side (6 -> 7).
  start: 7,
  end: 4,
  survey: 4,
  // The board of one clinic: the range read of the session views, then the consents, the
  // staff's names and credentials and the clinics side by side (one $in read each); the same
  // four for any number of visits. Then the PHI access of each patient shown (here one): one
  // append each, as for every list.
  'today board read': 5,
  // The stream's first board (its four reads and the disclosure of its one patient), then one
  // poll that finds nothing changed: the four reads again, and nothing written.
  'today board stream: first board and one poll': 9,
  // The session's load, then the patient's link sealed for the notifications service: the
  // patient's key read and, for a patient's first sealed field, inserted; then the append (the
  // session, the link, its delivery) and the view (3 -> 5). Each further participant sent a
  // link (interpreter, caregiver) reads the key once more.
  'AppointmentBooked consumed': 5,
  // The session's load, the patient's new link sealed (the key read: it exists since the
  // booking), the append (the move, the old link revoked, the new one and its delivery) and the
  // view. Each further participant sent a link reads the key once more.
  'AppointmentRescheduled consumed': 4,
  'ConsentGranted consumed': 1,
  'StaffMemberRecorded consumed': 1,
  'ClinicRecorded consumed': 1,
  'StaffCredentialed consumed': 1,
} as const);

describe('database commands per sessions use case', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-commands'), { phi: true });
  let counter: CommandCounter;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    // Counting is by time window: the incident monitor's timer must not read meanwhile.
    bed.app.get(PlatformMonitor).onApplicationShutdown();
    counter = CommandCounter.attach(bed.app.get<Connection>(getConnectionToken()).getClient());
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    budget.report();
    counter?.detach();
  });

  const consumed = (type: string, data: object, subject: string) =>
    consumedEvent(type, data, { subject });
  const post = (path: string, headers: Record<string, string>, body?: object) =>
    callService(bed.url, 'POST', `/api/v1${path}`, headers, body);

  interface Visit {
    readonly sessionId: string;
    readonly patientId: string;
    readonly providerId: string;
    readonly booked: ConsumedEvent;
    readonly consent: ConsumedEvent;
    readonly licensed: ConsumedEvent;
    readonly clinic: ConsumedEvent;
    readonly credentialed: ConsumedEvent;
    patientToken?: string;
    patientDevice?: string;
  }

  const visit = (): Visit => {
    const booked = booking(new Date(Date.now() + 5 * 60_000));
    return {
      sessionId: sessionIdOf(booked.appointmentId),
      patientId: booked.patientId,
      providerId: booked.providerId,
      booked: consumed(BOOKED, booked, `appointment-${booked.appointmentId}`),
      consent: consumed(
        CONSENT_GRANTED,
        consentGranted(booked.patientId),
        `patient-${booked.patientId}`,
      ),
      licensed: consumed(
        STAFF_MEMBER_RECORDED,
        staffMemberRecorded(booked.providerId, PATIENT_STATE),
        `staff-member-${booked.providerId}`,
      ),
      clinic: consumed(
        CLINIC_RECORDED,
        clinicRecorded(booked.clinicId),
        `clinic-${booked.clinicId}`,
      ),
      credentialed: consumed(
        CREDENTIALED,
        staffCredentialed(booked.providerId),
        `staff-${booked.providerId}`,
      ),
    };
  };
  const warm = visit();
  const measured = visit();

  it('AppointmentBooked consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepSessionsInStepWithAppointments));
    await handle(warm.booked);
    const { usage } = await counter.measure(() => handle(measured.booked));
    budget.check('AppointmentBooked consumed', usage);
  });

  it('AppointmentRescheduled consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepSessionsInStepWithAppointments));
    const [warmMove, measuredMove] = [visit(), visit()].map((of) => {
      const booked = of.booked.data as EventDataOf<typeof BOOKED>;
      const start = new Date(Date.parse(booked.start) + 60 * 60_000);
      const moved: EventDataOf<typeof RESCHEDULED> = {
        appointmentId: booked.appointmentId,
        providerId: booked.providerId,
        previousStart: booked.start,
        previousEnd: booked.end,
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
        timeZone: booked.timeZone,
        rescheduledAt: new Date().toISOString(),
        rescheduledBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
      };
      return { of, moved: consumed(RESCHEDULED, moved, of.booked.subject) };
    });
    for (const { of } of [warmMove!, measuredMove!]) await handle(of.booked);
    await handle(warmMove!.moved);
    const { usage } = await counter.measure(() => handle(measuredMove!.moved));
    budget.check('AppointmentRescheduled consumed', usage);
  });

  it('ConsentGranted consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepConsentsFromComplianceEvents));
    await handle(warm.consent);
    const { usage } = await counter.measure(() => handle(measured.consent));
    budget.check('ConsentGranted consumed', usage);
  });

  it('StaffMemberRecorded consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepLicencesAndClinicNamesFromDirectoryRecords));
    await handle(warm.licensed);
    const { usage } = await counter.measure(() => handle(measured.licensed));
    budget.check('StaffMemberRecorded consumed', usage);
  });

  it('ClinicRecorded consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepLicencesAndClinicNamesFromDirectoryRecords));
    await handle(warm.clinic);
    const { usage } = await counter.measure(() => handle(measured.clinic));
    budget.check('ClinicRecorded consumed', usage);
  });

  it('StaffCredentialed consumed', async () => {
    const handle = handlerOf(bed.app.get(KeepCredentialsFromTrainingEvents));
    await handle(warm.credentialed);
    const { usage } = await counter.measure(() => handle(measured.credentialed));
    budget.check('StaffCredentialed consumed', usage);
  });

  const issueLink = async (of: Visit) => {
    const link = await post(`/sessions/${of.sessionId}/links`, coordinator, {
      participantId: of.patientId,
    });
    expect(link.status).toBe(201);
    of.patientToken = (link.body as { url: string }).url.split('#')[1] ?? '';
  };
  const join = async (of: Visit) => {
    const joined = await post('/join', {}, { token: of.patientToken ?? '' });
    of.patientDevice = (joined.body as { deviceToken?: string }).deviceToken;
    return joined;
  };
  const linkHolder = (of: Visit) => ({
    'x-join-token': of.patientToken ?? '',
    'x-device-token': of.patientDevice ?? '',
  });
  const readVisit = (of: Visit) => callService(bed.url, 'GET', '/api/v1/visit', linkHolder(of));
  const reportProblem = (of: Visit) =>
    post('/visit/issues', linkHolder(of), {
      category: 'audio',
      description: 'I cannot hear the doctor.',
    });
  /** The live stream's loop, from the session the guard read, on a stream that takes one poll. */
  const firstStatusAndOnePoll = async (of: Visit) => {
    const session = await bed.app.get(SessionViews).find(of.sessionId);
    const holder = {
      sessionId: of.sessionId,
      participantId: of.patientId,
      role: 'patient' as const,
      linkId: randomUUID(),
    };
    let pauses = 0;
    const sent: unknown[] = [];
    const stream: EventStream = {
      get closed() {
        return pauses > 1;
      },
      send: (_, data) => sent.push(data),
      pause: async () => {
        pauses += 1;
      },
      end: () => undefined,
    };
    return async () => {
      await bed.app.get(VisitStatusStream).follow(holder, session!, stream);
      expect(sent).toEqual([{ state: 'waiting', position: 1 }]);
    };
  };
  const confirmLocation = async (of: Visit) =>
    post(`/sessions/${of.sessionId}/patient-location`, await bearer('patient', of.patientId), {
      state: PATIENT_STATE,
    });
  const start = async (of: Visit) =>
    post(`/sessions/${of.sessionId}/start`, await bearer('provider', of.providerId));
  const end = async (of: Visit) =>
    post(`/sessions/${of.sessionId}/end`, await bearer('provider', of.providerId), {
      outcome: 'completed',
    });
  const survey = async (of: Visit) =>
    post(`/sessions/${of.sessionId}/survey`, await bearer('patient', of.patientId), {
      overall: 5,
      wouldRecommend: 9,
      technicalQuality: 4,
    });

  const measure = async (
    useCase:
      | 'join'
      | 'visit read by its link'
      | 'problem reported by its link'
      | 'patient location confirmed'
      | 'start'
      | 'end'
      | 'survey',
    run: (of: Visit) => Promise<{ status: number }>,
    status: number,
  ) => {
    expect((await run(warm)).status).toBe(status);
    const { result, usage } = await counter.measure(() => run(measured));
    expect(result.status).toBe(status);
    budget.check(useCase, usage);
  };

  it('join link issued', async () => {
    await issueLink(warm);
    const { usage } = await counter.measure(() => issueLink(measured));
    budget.check('join link issued', usage);
  });

  it('consent given at join', async () => {
    // Patients with no consent on record, whose links have not been exchanged yet.
    const [warmPatient, measuredPatient] = [visit(), visit()];
    for (const patient of [warmPatient, measuredPatient]) {
      await handlerOf(bed.app.get(KeepSessionsInStepWithAppointments))(patient.booked);
      await issueLink(patient);
    }
    const consent = (of: Visit) =>
      post(
        '/visit/consent',
        { 'x-join-token': of.patientToken ?? '' },
        { accept: true, textVersion: CONSENT_TEXT_VERSION, language: 'es' },
      );
    expect((await consent(warmPatient)).status).toBe(202);
    const { result, usage } = await counter.measure(() => consent(measuredPatient));
    expect(result.status).toBe(202);
    budget.check('consent given at join', usage);
  });

  it('join', () => measure('join', join, 200));

  it('visit read by its link', () => measure('visit read by its link', readVisit, 200));

  it('visit status stream: first status and one poll', async () => {
    await (
      await firstStatusAndOnePoll(warm)
    )();
    const follow = await firstStatusAndOnePoll(measured);
    const { usage } = await counter.measure(follow);
    budget.check('visit status stream: first status and one poll', usage);
  });

  it('problem reported by its link', () =>
    measure('problem reported by its link', reportProblem, 201));

  it('patient location confirmed', () =>
    measure('patient location confirmed', confirmLocation, 200));

  it('start', () => measure('start', start, 200));

  it('end', async () => {
    advanceClock(10 * 60_000);
    await measure('end', end, 200);
  });

  it('survey', () => measure('survey', survey, 201));

  /** The day around the visits booked here, whatever the test clock has moved. */
  const around = () => {
    const now = Date.now();
    return {
      from: new Date(now - 6 * 3_600_000).toISOString(),
      to: new Date(now + 6 * 3_600_000).toISOString(),
    };
  };
  const clinicOf = (of: Visit) => (of.booked.data as { clinicId: string }).clinicId;

  it('today board read', async () => {
    const read = (of: Visit) => {
      const { from, to } = around();
      return callService(
        bed.url,
        'GET',
        `/api/v1/today?from=${from}&to=${to}&clinicId=${clinicOf(of)}`,
        coordinator,
      );
    };
    expect((await read(warm)).status).toBe(200);
    const { result, usage } = await counter.measure(() => read(measured));
    expect(result.status).toBe(200);
    expect((result.body as TodayBoardResponse).visits).toHaveLength(1);
    budget.check('today board read', usage);
  });

  it('today board stream: first board and one poll', async () => {
    const principal = {
      subject: randomUUID(),
      roles: ['coordinator' as const],
      clinics: 'all' as const,
    };
    const followed = (of: Visit) => {
      const { from, to } = around();
      const range = { from: new Date(from), to: new Date(to) };
      const scope = { kind: 'clinics' as const, clinicIds: [clinicOf(of)] };
      const sent: TodayBoardResponse[] = [];
      let pauses = 0;
      const stream: EventStream = {
        get closed() {
          return pauses > 1;
        },
        send: (_, data) => sent.push(data as TodayBoardResponse),
        pause: async () => {
          pauses += 1;
        },
        end: () => undefined,
      };
      return async () => {
        await bed.app.get(TodayBoardStream).follow(
          () => bed.app.get(TodayBoard).read(scope, range, undefined, new Date()),
          (patientIds) =>
            bed.app.get(PhiAccessRecorder).record({
              principal,
              patientIds,
              resource: 'Encounter',
              action: 'search',
              purpose: 'operations',
              at: new Date(),
            }),
          stream,
        );
        expect(sent).toHaveLength(1);
      };
    };
    await followed(warm)();
    const { usage } = await counter.measure(followed(measured));
    budget.check('today board stream: first board and one poll', usage);
  });
});
