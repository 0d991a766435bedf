import { deciderSpec } from '@thc/testing';
import {
  AppointmentCommand,
  BookAppointment,
  CancelAppointment,
  RescheduleAppointment,
} from './appointment.commands';
import { appointmentDecider } from './appointment.decider';
import {
  AppointmentConflictError,
  AppointmentRuleError,
  IllegalTransitionError,
} from './appointment.errors';
import { APPOINTMENT_EVENT as E, AppointmentEvent } from './appointment.events';

const ids = {
  appointment: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  otherProvider: '6c8e3f1d-9b2a-4d4f-a7e5-8f3b1d2e4a04',
  clinic: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  interpreter: 'd4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05',
  session: 'c2e4a6f8-3b5d-4e7f-a9c1-4d6f8b2a3c07',
  coordinator: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
};
const coordinator = { kind: 'user', userId: ids.coordinator, role: 'coordinator' } as const;
const sealed = {
  alg: 'AES-256-GCM',
  keyId: 'k',
  iv: 'aXY=',
  ciphertext: 'Y3Q=',
  tag: 'dGFn',
} as const;

const book: BookAppointment = {
  type: 'BookAppointment',
  appointmentId: ids.appointment,
  patientId: ids.patient,
  providerId: ids.provider,
  clinicId: ids.clinic,
  visitType: 'video',
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
  extraParticipants: [{ participantId: ids.interpreter, role: 'interpreter' }],
  at: '2026-03-02T14:00:00Z',
  by: coordinator,
};

const booked: AppointmentEvent = {
  type: E.booked,
  data: {
    appointmentId: ids.appointment,
    providerId: ids.provider,
    patientId: ids.patient,
    clinicId: ids.clinic,
    visitType: 'video',
    start: '2026-03-09T09:00:00-04:00',
    end: '2026-03-09T09:30:00-04:00',
    timeZone: 'America/New_York',
    participants: [
      { participantId: ids.patient, role: 'patient' },
      { participantId: ids.provider, role: 'provider' },
      { participantId: ids.interpreter, role: 'interpreter' },
    ],
    bookedAt: '2026-03-02T14:00:00Z',
    bookedBy: coordinator,
  },
};

const requested: AppointmentEvent = {
  type: E.requested,
  data: {
    appointmentId: ids.appointment,
    patientId: ids.patient,
    clinicId: ids.clinic,
    visitType: 'video',
    window: { earliest: '2026-03-09T08:00:00-04:00', latest: '2026-03-13T18:00:00-04:00' },
    timeZone: 'America/New_York',
    requestedAt: '2026-03-01T10:00:00Z',
    requestedBy: coordinator,
  },
};

const reschedule: RescheduleAppointment = {
  type: 'RescheduleAppointment',
  providerId: ids.otherProvider,
  start: '2026-03-12T15:00:00-04:00',
  end: '2026-03-12T15:30:00-04:00',
  timeZone: 'America/New_York',
  reason: sealed,
  at: '2026-03-05T10:00:00Z',
  by: coordinator,
};
const rescheduled: AppointmentEvent = {
  type: E.rescheduled,
  data: {
    appointmentId: ids.appointment,
    providerId: ids.otherProvider,
    previousStart: '2026-03-09T09:00:00-04:00',
    previousEnd: '2026-03-09T09:30:00-04:00',
    start: '2026-03-12T15:00:00-04:00',
    end: '2026-03-12T15:30:00-04:00',
    timeZone: 'America/New_York',
    reason: sealed,
    rescheduledAt: '2026-03-05T10:00:00Z',
    rescheduledBy: coordinator,
  },
};

const cancel = (at: string): CancelAppointment => ({
  type: 'CancelAppointment',
  reasonCode: 'patient-request',
  lateCancelWindowMinutes: 24 * 60,
  at,
  by: coordinator,
});
const cancelled = (at: string, late: boolean): AppointmentEvent => ({
  type: E.cancelled,
  data: {
    appointmentId: ids.appointment,
    cancelledAt: at,
    cancelledBy: coordinator,
    reasonCode: 'patient-request',
    late,
  },
});

const checkIn: AppointmentCommand = {
  type: 'CheckIn',
  sessionId: ids.session,
  at: '2026-03-09T12:58:00Z',
};
const checkedIn: AppointmentEvent = {
  type: E.checkedIn,
  data: {
    appointmentId: ids.appointment,
    patientId: ids.patient,
    sessionId: ids.session,
    checkedInAt: '2026-03-09T12:58:00Z',
  },
};
const noShow = (absent: 'patient' | 'provider'): AppointmentCommand => ({
  type: 'RecordNoShow',
  sessionId: ids.session,
  absent,
  at: '2026-03-09T13:20:00Z',
});
const noShowed = (absent: 'patient' | 'provider'): AppointmentEvent => ({
  type: E.noShow,
  data: {
    appointmentId: ids.appointment,
    patientId: ids.patient,
    providerId: ids.provider,
    sessionId: ids.session,
    absent,
    recordedAt: '2026-03-09T13:20:00Z',
  },
});
const complete: AppointmentCommand = {
  type: 'CompleteAppointment',
  sessionId: ids.session,
  startedAt: '2026-03-09T13:01:00Z',
  endedAt: '2026-03-09T13:25:00Z',
  at: '2026-03-09T13:25:01Z',
};
const completed: AppointmentEvent = {
  type: E.completed,
  data: {
    appointmentId: ids.appointment,
    sessionId: ids.session,
    startedAt: '2026-03-09T13:01:00Z',
    endedAt: '2026-03-09T13:25:00Z',
    completedAt: '2026-03-09T13:25:01Z',
  },
};

const given = deciderSpec(appointmentDecider);

describe('appointment decider', () => {
  describe('RequestAppointment', () => {
    const request: AppointmentCommand = {
      type: 'RequestAppointment',
      appointmentId: ids.appointment,
      patientId: ids.patient,
      clinicId: ids.clinic,
      visitType: 'video',
      window: requested.type === E.requested ? requested.data.window : { earliest: '', latest: '' },
      timeZone: 'America/New_York',
      at: '2026-03-01T10:00:00Z',
      by: coordinator,
    };
    it('records a request for a window', () => given([]).when(request).then([requested]));
    it('refuses a second request on the same appointment', () =>
      given([requested]).when(request).then(IllegalTransitionError));
    it('refuses a window that is already over', () =>
      given([])
        .when({ ...request, at: '2026-04-01T00:00:00Z' })
        .then(AppointmentRuleError));
  });

  describe('BookAppointment', () => {
    it('books with patient and provider first, then the extra participants', () =>
      given([]).when(book).then([booked]));
    it('books a requested appointment for the same patient', () =>
      given([requested]).when(book).then([booked]));
    it('refuses a request of another patient', () =>
      given([requested])
        .when({ ...book, patientId: ids.interpreter })
        .then(AppointmentRuleError));
    it('refuses a slot in the past', () =>
      given([])
        .when({ ...book, at: '2026-03-09T14:00:00Z' })
        .then(new AppointmentRuleError('the visit must start in the future')));
    it('refuses a visit that ends before it starts', () =>
      given([])
        .when({ ...book, end: book.start })
        .then(AppointmentRuleError));
    it('refuses two interpreters', () =>
      given([])
        .when({
          ...book,
          extraParticipants: [
            { participantId: ids.interpreter, role: 'interpreter' },
            { participantId: ids.coordinator, role: 'interpreter' },
          ],
        })
        .then(AppointmentRuleError));
    it('records where the patient will be', () =>
      given([])
        .when({ ...book, patientLocation: { state: 'NJ' } })
        .then([{ ...booked, data: { ...booked.data, patientLocation: { state: 'NJ' } } }]));
    it('records an interpreter on demand, with nobody held for it', () => {
      const onDemand = { onDemand: true, language: sealed } as const;
      const { participants } = booked.type === E.booked ? booked.data : { participants: [] };
      return given([])
        .when({ ...book, extraParticipants: [], interpreterRequest: onDemand })
        .then([
          {
            ...booked,
            data: {
              ...booked.data,
              participants: participants.filter((p) => p.role !== 'interpreter'),
              interpreterRequest: onDemand,
            },
          },
        ]);
    });
    it('refuses an interpreter both held and on demand', () =>
      given([])
        .when({ ...book, interpreterRequest: { onDemand: true } })
        .then(AppointmentRuleError));
  });

  describe('RescheduleAppointment', () => {
    it('moves the visit, naming the slot it leaves', () =>
      given([booked]).when(reschedule).then([rescheduled]));
    it('keeps every earlier slot in the state', () => {
      const state = [booked, rescheduled].reduce(
        appointmentDecider.evolve,
        appointmentDecider.initialState(),
      );
      expect(state).toMatchObject({
        status: 'booked',
        providerId: ids.otherProvider,
        previousSlots: [
          {
            providerId: ids.provider,
            start: '2026-03-09T09:00:00-04:00',
            until: '2026-03-05T10:00:00Z',
          },
        ],
      });
    });
    it('moves the interpreter to another one held for the new time, and restates the location', () => {
      const other = '8e1a3c5d-7f9b-4b2d-8e4f-1a3c5e7d9f11';
      const moved = { ...reschedule, interpreterId: other, patientLocation: { state: 'NJ' } };
      given([booked])
        .when(moved)
        .then([
          {
            ...rescheduled,
            data: { ...rescheduled.data, patientLocation: { state: 'NJ' }, interpreterId: other },
          },
        ]);
      const state = [
        booked,
        { ...rescheduled, data: { ...rescheduled.data, interpreterId: other } },
      ].reduce(appointmentDecider.evolve, appointmentDecider.initialState());
      expect(state).toMatchObject({
        participants: [
          { participantId: ids.patient, role: 'patient' },
          { participantId: ids.otherProvider, role: 'provider' },
          { participantId: other, role: 'interpreter' },
        ],
      });
    });
    it('names no interpreter when the same one moves along', () =>
      given([booked])
        .when({ ...reschedule, interpreterId: ids.interpreter })
        .then([rescheduled]));
    it('keeps the location stated at booking when the move does not restate it', () => {
      const withLocation = {
        ...booked,
        data: { ...booked.data, patientLocation: { state: 'NJ' } },
      };
      const state = [withLocation as AppointmentEvent, rescheduled].reduce(
        appointmentDecider.evolve,
        appointmentDecider.initialState(),
      );
      expect(state).toMatchObject({ patientLocation: { state: 'NJ' } });
    });
    it('refuses to move an interpreter the visit does not hold', () =>
      given([
        {
          ...booked,
          data: {
            ...booked.data,
            participants: booked.type === E.booked ? booked.data.participants.slice(0, 2) : [],
          },
        } as AppointmentEvent,
      ])
        .when({ ...reschedule, interpreterId: ids.interpreter })
        .then(AppointmentRuleError));
    it('refuses the slot already booked', () =>
      given([booked])
        .when({
          ...reschedule,
          providerId: ids.provider,
          start: '2026-03-09T13:00:00Z',
          end: '2026-03-09T13:30:00Z',
        })
        .then(AppointmentRuleError));
  });

  describe('CancelAppointment', () => {
    it('is on time outside the late-cancel window', () =>
      given([booked])
        .when(cancel('2026-03-07T09:00:00Z'))
        .then([cancelled('2026-03-07T09:00:00Z', false)]));
    it('is late inside the window', () =>
      given([booked])
        .when(cancel('2026-03-09T08:00:00Z'))
        .then([cancelled('2026-03-09T08:00:00Z', true)]));
    it('carries the sealed free-text reason', () =>
      given([booked])
        .when({ ...cancel('2026-03-07T09:00:00Z'), reason: sealed })
        .then([
          {
            ...cancelled('2026-03-07T09:00:00Z', false),
            data: { ...cancelled('2026-03-07T09:00:00Z', false).data, reason: sealed },
          } as AppointmentEvent,
        ]));
  });

  describe('EmitReminder', () => {
    const remind = (at: string, offsetMinutes = 60): AppointmentCommand => ({
      type: 'EmitReminder',
      reminderId: ids.session,
      offsetMinutes,
      channel: 'sms',
      contact: sealed,
      at,
    });
    const reminderDue = (start: string, dueAt: string, offsetMinutes = 60): AppointmentEvent => ({
      type: E.reminderDue,
      data: {
        appointmentId: ids.appointment,
        reminderId: ids.session,
        patientId: ids.patient,
        channel: 'sms',
        contact: sealed,
        visitType: 'video',
        appointmentStart: start,
        offsetMinutes,
        dueAt,
      },
    });

    it('is due from the offset before the start', () =>
      given([booked])
        .when(remind('2026-03-09T12:00:30Z'))
        .then([reminderDue('2026-03-09T09:00:00-04:00', '2026-03-09T12:00:00.000Z')]));

    it('decides nothing before it is due, or once the visit started', () => {
      given([booked]).when(remind('2026-03-09T11:59:59Z')).then([]);
      given([booked]).when(remind('2026-03-09T13:00:00Z')).then([]);
    });

    it('is due once per start and offset', () => {
      const due = reminderDue('2026-03-09T09:00:00-04:00', '2026-03-09T12:00:00.000Z');
      given([booked, due]).when(remind('2026-03-09T12:10:00Z')).then([]);
      given([booked, due])
        .when(remind('2026-03-09T12:10:00Z', 1440))
        .then([reminderDue('2026-03-09T09:00:00-04:00', '2026-03-08T13:00:00.000Z', 1440)]);
    });

    it('gives a cancelled visit no reminder, and a moved one only for its new time', () => {
      given([booked, cancelled('2026-03-07T09:00:00Z', false)])
        .when(remind('2026-03-09T12:30:00Z'))
        .then([]);
      const due = reminderDue('2026-03-09T09:00:00-04:00', '2026-03-09T12:00:00.000Z');
      // Moved to 12 March 15:00 (-04:00): the old time's reminder is stale, the new one is not due.
      given([booked, due, rescheduled]).when(remind('2026-03-09T12:30:00Z')).then([]);
      given([booked, due, rescheduled])
        .when(remind('2026-03-12T18:15:00Z'))
        .then([reminderDue('2026-03-12T15:00:00-04:00', '2026-03-12T18:00:00.000Z')]);
    });
  });

  describe('visit outcomes', () => {
    it('checks in a booked appointment', () => given([booked]).when(checkIn).then([checkedIn]));
    it('completes after check-in', () =>
      given([booked, checkedIn]).when(complete).then([completed]));
    it('records a patient no-show after the start', () =>
      given([booked])
        .when(noShow('patient'))
        .then([noShowed('patient')]));
    it('records a provider no-show after the patient arrived', () =>
      given([booked, checkedIn])
        .when(noShow('provider'))
        .then([noShowed('provider')]));
    it('refuses a no-show before the start', () =>
      given([booked])
        .when({ ...noShow('patient'), at: '2026-03-09T12:00:00Z' })
        .then(AppointmentRuleError));
  });

  // The status table: which command each status admits. Everything else is a 409.
  const history: Record<string, readonly AppointmentEvent[]> = {
    none: [],
    proposed: [requested],
    booked: [booked],
    arrived: [booked, checkedIn],
    fulfilled: [booked, checkedIn, completed],
    cancelled: [booked, cancelled('2026-03-07T09:00:00Z', false)],
    noshow: [booked, noShowed('patient')],
  };
  const commands: Record<string, AppointmentCommand> = {
    book,
    reschedule,
    cancel: cancel('2026-03-07T09:00:00Z'),
    checkIn,
    patientNoShow: noShow('patient'),
    providerNoShow: noShow('provider'),
    complete,
  };
  const allowed: Record<string, readonly string[]> = {
    none: ['book'],
    proposed: ['book'],
    booked: ['reschedule', 'cancel', 'checkIn', 'patientNoShow', 'providerNoShow'],
    arrived: ['providerNoShow', 'complete'],
    fulfilled: [],
    cancelled: [],
    noshow: [],
  };
  const table = Object.keys(history).flatMap((status) =>
    Object.keys(commands).map(
      (command) => [status, command, allowed[status]!.includes(command)] as const,
    ),
  );

  test.each(table)('status %s, command %s: allowed = %s', (status, command, ok) => {
    const state = history[status]!.reduce(
      appointmentDecider.evolve,
      appointmentDecider.initialState(),
    );
    const run = () => appointmentDecider.decide(commands[command]!, state);
    if (ok) expect(run()).toHaveLength(1);
    else expect(run).toThrow(IllegalTransitionError);
  });

  it('names the command and the status in the refusal', () =>
    given(history['fulfilled']!)
      .when(cancel('2026-03-07T09:00:00Z'))
      .then(new IllegalTransitionError('cancel', 'fulfilled')));

  it('every status is a FHIR R4 Appointment status code', () => {
    const fhir = [
      'proposed',
      'pending',
      'booked',
      'arrived',
      'fulfilled',
      'cancelled',
      'noshow',
      'entered-in-error',
      'checked-in',
      'waitlist',
    ];
    for (const events of Object.values(history).slice(1)) {
      const state = events.reduce(appointmentDecider.evolve, appointmentDecider.initialState());
      expect(fhir).toContain(state.status);
    }
  });

  describe('AssignInterpreter (drawn on demand)', () => {
    const drawn = '8e1a3c5d-7f9b-4b2d-8e4f-1a3c5e7d9f11';
    const onDemand = {
      ...booked,
      data: {
        ...booked.data,
        participants: booked.type === E.booked ? booked.data.participants.slice(0, 2) : [],
        interpreterRequest: { onDemand: true },
      },
    } as AppointmentEvent;
    const draw = (at: string): AppointmentCommand => ({
      type: 'AssignInterpreter',
      interpreterId: drawn,
      at,
      by: coordinator,
    });
    const assigned = (start: string, at: string): AppointmentEvent => ({
      type: E.interpreterAssigned,
      data: {
        appointmentId: ids.appointment,
        interpreterId: drawn,
        start,
        end: '2026-03-09T09:30:00-04:00',
        assignedAt: at,
        assignedBy: coordinator,
      },
    });

    it('holds the interpreter from the draw during the visit', () =>
      given([onDemand, checkedIn])
        .when(draw('2026-03-09T13:04:00Z'))
        .then([assigned('2026-03-09T13:04:00.000Z', '2026-03-09T13:04:00Z')]));
    it("holds them from the visit's start when drawn before it", () =>
      given([onDemand])
        .when(draw('2026-03-09T12:50:00Z'))
        .then([assigned('2026-03-09T09:00:00-04:00', '2026-03-09T12:50:00Z')]));
    it('adds the interpreter to the participants, and the request is met', () => {
      const state = [onDemand, assigned('2026-03-09T13:04:00.000Z', '2026-03-09T13:04:00Z')].reduce(
        appointmentDecider.evolve,
        appointmentDecider.initialState(),
      );
      expect(state).toMatchObject({
        participants: [
          { participantId: ids.patient, role: 'patient' },
          { participantId: ids.provider, role: 'provider' },
          { participantId: drawn, role: 'interpreter' },
        ],
      });
      expect(state).not.toHaveProperty('interpreterRequest');
    });
    it('refuses a second interpreter', () =>
      given([booked]).when(draw('2026-03-09T13:04:00Z')).then(AppointmentConflictError));
    it('refuses a visit that has ended', () =>
      given([onDemand]).when(draw('2026-03-09T13:30:00Z')).then(AppointmentConflictError));
    it.each([
      ['cancelled', [onDemand, cancelled('2026-03-07T09:00:00Z', false)]],
      ['fulfilled', [onDemand, checkedIn, completed]],
    ])('refuses a %s visit', (_, history) =>
      given(history).when(draw('2026-03-09T13:04:00Z')).then(IllegalTransitionError),
    );
  });
});
