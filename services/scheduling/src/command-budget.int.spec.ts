import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SessionEndedV1, TOPICS } from '@thc/contracts';
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
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { RecordOutcomeWhenSessionEnded } from './appointments/session-outcomes/record-outcome-when-session-ended.consumer';
import {
  bookableInterpreter,
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from './appointments/testing/scheduling-test-app';
import { KeepCredentialsFromTrainingEvents } from './credentials/keep-credentials-from-training-events.consumer';
import { OfferSlotWhenAppointmentCancelled } from './waitlist/offer-freed-slot/offer-slot-when-appointment-cancelled.consumer';

/**
 * Database commands (round trips) per use case on a warm instance: every use case runs once
 * before it is measured, so index creation and first reads of a provider's schedule are not
 * counted. Ceilings pinned to the measured counts; docs/performance.md lists what each is.
 */
const budget = new CommandBudget({
  // Book, reschedule and cancel answer with the appointment, so each records its disclosure as
  // PhiAccessed in the patient's phi-access stream: one insert more (measured: booking, the
  // first write to that stream, also reads the stream's head). Book and reschedule read the
  // provider's directory listing for the licence where the patient will be: one find more.
  book: 11,
  reschedule: 15,
  // A booking plus the interpreter: the language's pool and its members (directory, two finds),
  // their credentials and their schedules (one `$in` each), the interpreter's ledger day (one
  // insert, its view in the same bulk write) and the language kept on the appointment's view.
  'book with an interpreter of the pool': 17,
  cancel: 14,
  // The appointment (stream and view, for the language asked), the language's pool and its
  // members, their credentials and schedules, the interpreter's ledger day (insert, its view),
  // then InterpreterAssigned and the disclosure of the answer (one insert each).
  'draw an interpreter on demand': 11,
  'slot search': 2,
  'SessionEnded consumed': 3,
  'StaffCredentialed consumed': 1,
  'AppointmentCancelled consumed (waitlist)': 7,
} as const);

describe('database commands per scheduling use case', () => {
  const ns = new TestNamespace('sched-commands');
  let app: NestExpressApplication;
  let url: string;
  let counter: CommandCounter;
  let coordinator: Record<string, string>;
  const providerId = randomUUID();

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    // Counting is by time window: no poller may write while a use case is measured.
    process.env['SCHEDULING_REMINDER_POLL_MS'] = '0';
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.scheduling].map((topic) => ns.topic(topic)),
    );
    ({ app, url } = await startSchedulingApp({ recovery: true }));
    counter = CommandCounter.attach(app.get<Connection>(getConnectionToken()).getClient());
    coordinator = await bearer('coordinator', randomUUID());
    await bookableProvider({ app, url }, coordinator, providerId);
    await bookableInterpreter({ app, url }, coordinator, randomUUID(), ['es']);
  });

  afterAll(async () => {
    budget.report();
    counter?.detach();
    delete process.env['SCHEDULING_REMINDER_POLL_MS'];
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    await app?.close();
    await ns.dispose();
  });

  const at = (hour: number) => `2031-03-10T${String(hour).padStart(2, '0')}:00:00Z`;
  const book = (hour: number, extra: Record<string, unknown> = {}) =>
    callService(url, 'POST', '/api/v1/appointments', coordinator, {
      ...extra,
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: at(hour),
      end: at(hour).replace(':00:00Z', ':30:00Z'),
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
    });
  const reschedule = (id: string, hour: number) =>
    callService(url, 'POST', `/api/v1/appointments/${id}/reschedule`, coordinator, {
      providerId,
      start: at(hour),
      end: at(hour).replace(':00:00Z', ':30:00Z'),
      timeZone: 'UTC',
    });
  const cancel = (id: string) =>
    callService(url, 'POST', `/api/v1/appointments/${id}/cancel`, coordinator, {
      reasonCode: 'patient-request',
    });
  const slots = () =>
    callService(
      url,
      'GET',
      `/api/v1/providers/${providerId}/slots?from=2031-03-10T00:00:00Z&to=2031-03-17T00:00:00Z`,
      coordinator,
    );
  const appointmentIdOf = (response: { body: unknown }) =>
    (response.body as { appointmentId: string }).appointmentId;

  const consumed = (type: string, data: object, subject: string) =>
    consumedEvent(type, data, { subject });

  /** Warm-up and measured appointments: one booked at 09:00 and one at 10:00. */
  let warm: string;
  let measured: string;

  it('book', async () => {
    warm = appointmentIdOf(await book(9));
    const { result, usage } = await counter.measure(() => book(10));
    expect(result.status).toBe(201);
    measured = appointmentIdOf(result);
    budget.check('book', usage);
  });

  it('book with an interpreter of the pool', async () => {
    const { result, usage } = await counter.measure(() =>
      book(16, { interpreter: { language: 'es' } }),
    );
    expect(result.status).toBe(201);
    budget.check('book with an interpreter of the pool', usage);
  });

  it('draw an interpreter on demand', async () => {
    const onDemand = { interpreter: { language: 'es', onDemand: true } };
    const draw = (id: string) =>
      callService(url, 'POST', `/api/v1/appointments/${id}/interpreter`, coordinator, {});
    const [first, second] = [
      appointmentIdOf(await book(13, onDemand)),
      appointmentIdOf(await book(14, onDemand)),
    ];
    expect((await draw(first)).status).toBe(200);
    const { result, usage } = await counter.measure(() => draw(second));
    expect(result.status).toBe(200);
    budget.check('draw an interpreter on demand', usage);
  });

  it('reschedule', async () => {
    expect((await reschedule(warm, 12)).status).toBe(200);
    const { result, usage } = await counter.measure(() => reschedule(measured, 11));
    expect(result.status).toBe(200);
    budget.check('reschedule', usage);
  });

  it('slot search', async () => {
    expect((await slots()).status).toBe(200);
    const { result, usage } = await counter.measure(slots);
    expect(result.status).toBe(200);
    budget.check('slot search', usage);
  });

  it('SessionEnded consumed', async () => {
    const handle = handlerOf(app.get(RecordOutcomeWhenSessionEnded));
    const ended = (appointmentId: string, hour: number): ConsumedEvent => {
      const sessionId = randomUUID();
      const data: SessionEndedV1 = {
        sessionId,
        appointmentId,
        outcome: 'completed',
        startedAt: at(hour),
        endedAt: at(hour).replace(':00:00Z', ':25:00Z'),
        endedBy: { kind: 'system', service: 'sessions' },
      };
      return consumed('thc.sessions.SessionEnded.v1', data, `session-${sessionId}`);
    };
    const other = appointmentIdOf(await book(14));
    await handle(ended(other, 14));
    const target = appointmentIdOf(await book(15));
    const { usage } = await counter.measure(() => handle(ended(target, 15)));
    budget.check('SessionEnded consumed', usage);
  });

  it('StaffCredentialed consumed', async () => {
    const handle = handlerOf(app.get(KeepCredentialsFromTrainingEvents));
    const credentialed = () => {
      const staffId = randomUUID();
      return consumed(
        'thc.training.StaffCredentialed.v1',
        {
          staffId,
          role: 'provider',
          credentialedAt: new Date().toISOString(),
          validUntil: '2099-01-01T00:00:00Z',
          certificationIds: [randomUUID()],
        },
        `staff-${staffId}`,
      );
    };
    await handle(credentialed());
    const { usage } = await counter.measure(() => handle(credentialed()));
    budget.check('StaffCredentialed consumed', usage);
  });

  it('cancel', async () => {
    expect((await cancel(warm)).status).toBe(200);
    const { result, usage } = await counter.measure(() => cancel(measured));
    expect(result.status).toBe(200);
    budget.check('cancel', usage);
  });

  it('AppointmentCancelled consumed (waitlist)', async () => {
    const handle = handlerOf(app.get(OfferSlotWhenAppointmentCancelled));
    const cancelled = (appointmentId: string) =>
      consumed(
        'thc.scheduling.AppointmentCancelled.v1',
        { appointmentId },
        `appointment-${appointmentId}`,
      );
    await handle(cancelled(warm));
    const { usage } = await counter.measure(() => handle(cancelled(measured)));
    budget.check('AppointmentCancelled consumed (waitlist)', usage);
  });
});
