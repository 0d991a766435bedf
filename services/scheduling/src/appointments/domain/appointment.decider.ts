import type { Decider } from '@thc/event-store/decider';
import {
  AppointmentCommand,
  AssignInterpreter,
  BookAppointment,
  CancelAppointment,
  CheckIn,
  CompleteAppointment,
  EmitReminder,
  RecordNoShow,
  RequestAppointment,
  RescheduleAppointment,
} from './appointment.commands';
import {
  AppointmentConflictError,
  AppointmentRuleError,
  IllegalTransitionError,
} from './appointment.errors';
import {
  APPOINTMENT_EVENT as E,
  AppointmentEvent,
  AppointmentRescheduled,
} from './appointment.events';
import {
  AppointmentState,
  initialAppointmentState,
  reminderKey,
  Scheduled,
} from './appointment.state';

const ms = (instant: string): number => Date.parse(instant);

function ensureFutureSlot(start: string, end: string, at: string): void {
  if (ms(end) <= ms(start)) throw new AppointmentRuleError('the visit must end after it starts');
  if (ms(start) <= ms(at)) throw new AppointmentRuleError('the visit must start in the future');
}

/** The interpreter held for the visit, if any. */
export const interpreterOf = (state: Pick<Scheduled, 'participants'>): string | undefined =>
  state.participants.find((p) => p.role === 'interpreter')?.participantId;

function scheduled(state: AppointmentState, action: string, allowed: readonly string[]): Scheduled {
  if (state.status === 'none' || state.status === 'proposed' || !allowed.includes(state.status)) {
    throw new IllegalTransitionError(action, state.status);
  }
  return state;
}

function book(command: BookAppointment, state: AppointmentState): AppointmentEvent[] {
  if (state.status !== 'none' && state.status !== 'proposed')
    throw new IllegalTransitionError('book', state.status);
  if (state.status === 'proposed' && state.patientId !== command.patientId)
    throw new AppointmentRuleError('the request was made for another patient');
  ensureFutureSlot(command.start, command.end, command.at);
  const roles = command.extraParticipants.map((p) => p.role);
  if (roles.some((role) => role === 'patient' || role === 'provider'))
    throw new AppointmentRuleError('patient and provider are set by the booking itself');
  if (new Set(roles).size !== roles.length)
    throw new AppointmentRuleError('at most one interpreter and one caregiver');
  if (command.interpreterRequest && roles.includes('interpreter'))
    throw new AppointmentRuleError(
      'an interpreter on demand is drawn at visit time: hold one now or ask on demand, not both',
    );
  return [
    {
      type: E.booked,
      data: {
        appointmentId: command.appointmentId,
        providerId: command.providerId,
        patientId: command.patientId,
        clinicId: command.clinicId,
        visitType: command.visitType,
        start: command.start,
        end: command.end,
        timeZone: command.timeZone,
        participants: [
          { participantId: command.patientId, role: 'patient' },
          { participantId: command.providerId, role: 'provider' },
          ...command.extraParticipants,
        ],
        ...(command.patientLocation ? { patientLocation: command.patientLocation } : {}),
        ...(command.interpreterRequest ? { interpreterRequest: command.interpreterRequest } : {}),
        bookedAt: command.at,
        bookedBy: command.by,
      },
    },
  ];
}

/**
 * A reminder is due once per start time and offset, only while the visit is booked and ahead.
 * Anything else decides nothing (not an error): the scheduler asks again on every round, and a
 * visit that was cancelled, moved or already reminded simply gets no (stale) reminder.
 */
function remind(command: EmitReminder, state: AppointmentState): AppointmentEvent[] {
  if (state.status !== 'booked') return [];
  const dueAt = ms(state.start) - command.offsetMinutes * 60_000;
  if (ms(command.at) < dueAt || ms(command.at) >= ms(state.start)) return [];
  if ((state.remindersDue ?? []).includes(reminderKey(state.start, command.offsetMinutes)))
    return [];
  return [
    {
      type: E.reminderDue,
      data: {
        appointmentId: state.appointmentId,
        reminderId: command.reminderId,
        patientId: state.patientId,
        channel: command.channel,
        contact: command.contact,
        visitType: state.visitType,
        appointmentStart: state.start,
        offsetMinutes: command.offsetMinutes,
        dueAt: new Date(dueAt).toISOString(),
      },
    },
  ];
}

function cancel(command: CancelAppointment, state: AppointmentState): AppointmentEvent[] {
  // A request (proposed) is not cancellable here: AppointmentCancelled would leave a request
  // without a slot in a status the state cannot represent; it simply is never booked.
  const { appointmentId, start } = scheduled(state, 'cancel', ['booked']);
  const late = ms(start) - ms(command.at) < command.lateCancelWindowMinutes * 60_000;
  return [
    {
      type: E.cancelled,
      data: {
        appointmentId,
        cancelledAt: command.at,
        cancelledBy: command.by,
        reasonCode: command.reasonCode,
        ...(command.reason ? { reason: command.reason } : {}),
        late,
      },
    },
  ];
}

/** A drawn interpreter is held from the draw, or from the visit's start when that is later. */
export const interpreterDrawnFrom = (state: Pick<Scheduled, 'start'>, at: string): string =>
  ms(at) > ms(state.start) ? new Date(ms(at)).toISOString() : state.start;

/**
 * An interpreter drawn during (or just before) the visit, for the rest of it. Only a visit that
 * has not ended and holds no interpreter yet: a second draw is refused (409) instead of holding
 * a second person, and a retry after a lost answer sees who was drawn in the appointment.
 */
function assignInterpreter(
  command: AssignInterpreter,
  state: AppointmentState,
): AppointmentEvent[] {
  const current = scheduled(state, 'draw an interpreter for', ['booked', 'arrived']);
  if (ms(current.end) <= ms(command.at))
    throw new AppointmentConflictError('the visit has already ended: no interpreter can join it');
  const held = interpreterOf(current);
  if (held) throw new AppointmentConflictError(`the visit already has an interpreter (${held})`);
  return [
    {
      type: E.interpreterAssigned,
      data: {
        appointmentId: current.appointmentId,
        interpreterId: command.interpreterId,
        start: interpreterDrawnFrom(current, command.at),
        end: current.end,
        assignedAt: command.at,
        assignedBy: command.by,
      },
    },
  ];
}

function request(command: RequestAppointment, state: AppointmentState): AppointmentEvent[] {
  if (state.status !== 'none') throw new IllegalTransitionError('request', state.status);
  const { window } = command;
  if (ms(window.latest) <= ms(window.earliest) || ms(window.latest) <= ms(command.at))
    throw new AppointmentRuleError('the window must end after it starts and in the future');
  const { type: _, at, by, ...data } = command;
  return [{ type: E.requested, data: { ...data, requestedAt: at, requestedBy: by } }];
}

function reschedule(command: RescheduleAppointment, state: AppointmentState): AppointmentEvent[] {
  const current = scheduled(state, 'reschedule', ['booked']);
  ensureFutureSlot(command.start, command.end, command.at);
  if (
    command.providerId === current.providerId &&
    ms(command.start) === ms(current.start) &&
    ms(command.end) === ms(current.end)
  )
    throw new AppointmentRuleError('the new slot is the one already booked');
  if (command.interpreterId && !interpreterOf(current))
    throw new AppointmentRuleError('the appointment holds no interpreter to move');
  return [
    {
      type: E.rescheduled,
      data: {
        appointmentId: current.appointmentId,
        providerId: command.providerId,
        previousStart: current.start,
        previousEnd: current.end,
        start: command.start,
        end: command.end,
        timeZone: command.timeZone,
        ...(command.patientLocation ? { patientLocation: command.patientLocation } : {}),
        ...(command.interpreterId && command.interpreterId !== interpreterOf(current)
          ? { interpreterId: command.interpreterId }
          : {}),
        ...(command.reason ? { reason: command.reason } : {}),
        rescheduledAt: command.at,
        rescheduledBy: command.by,
      },
    },
  ];
}

function checkIn(command: CheckIn, state: AppointmentState): AppointmentEvent[] {
  const current = scheduled(state, 'check in', ['booked']);
  const { appointmentId, patientId } = current;
  return [
    {
      type: E.checkedIn,
      data: { appointmentId, patientId, sessionId: command.sessionId, checkedInAt: command.at },
    },
  ];
}

function recordNoShow(command: RecordNoShow, state: AppointmentState): AppointmentEvent[] {
  // A patient who arrived cannot be a patient no-show; the provider still can be absent.
  const allowed = command.absent === 'patient' ? ['booked'] : ['booked', 'arrived'];
  const current = scheduled(state, `record a ${command.absent} no-show for`, allowed);
  if (ms(command.at) < ms(current.start))
    throw new AppointmentRuleError('a no-show can be recorded only after the start');
  const { appointmentId, patientId, providerId } = current;
  return [
    {
      type: E.noShow,
      data: {
        appointmentId,
        patientId,
        providerId,
        sessionId: command.sessionId,
        absent: command.absent,
        recordedAt: command.at,
      },
    },
  ];
}

function complete(command: CompleteAppointment, state: AppointmentState): AppointmentEvent[] {
  const current = scheduled(state, 'complete', ['arrived']);
  if (ms(command.endedAt) < ms(command.startedAt) || ms(command.endedAt) > ms(command.at))
    throw new AppointmentRuleError('the visit must end after it started, and not in the future');
  return [
    {
      type: E.completed,
      data: {
        appointmentId: current.appointmentId,
        sessionId: command.sessionId,
        startedAt: command.startedAt,
        endedAt: command.endedAt,
        completedAt: command.at,
      },
    },
  ];
}

/** One function per command; each checks the state it applies to and returns its events. */
const deciders: {
  [T in AppointmentCommand['type']]: (
    command: Extract<AppointmentCommand, { type: T }>,
    state: AppointmentState,
  ) => AppointmentEvent[];
} = {
  RequestAppointment: request,
  BookAppointment: book,
  RescheduleAppointment: reschedule,
  CancelAppointment: cancel,
  EmitReminder: remind,
  AssignInterpreter: assignInterpreter,
  CheckIn: checkIn,
  RecordNoShow: recordNoShow,
  CompleteAppointment: complete,
};

function decide(command: AppointmentCommand, state: AppointmentState): AppointmentEvent[] {
  const decideThis = deciders[command.type] as (
    command: AppointmentCommand,
    state: AppointmentState,
  ) => AppointmentEvent[];
  return decideThis(command, state);
}

/** The appointment at its new slot, the one it left kept in its history. */
function moved(state: Scheduled, data: AppointmentRescheduled['data']): AppointmentState {
  const { providerId, start, end, timeZone, rescheduledAt, interpreterId } = data;
  const held = { providerId: state.providerId, start: state.start, end: state.end };
  const participants = state.participants.map((p) =>
    p.role === 'provider'
      ? { ...p, participantId: providerId }
      : p.role === 'interpreter' && interpreterId
        ? { ...p, participantId: interpreterId }
        : p,
  );
  const { patientLocation = state.patientLocation } = data;
  return {
    ...state,
    ...(patientLocation ? { patientLocation } : {}),
    providerId,
    start,
    end,
    timeZone,
    participants,
    previousSlots: [...state.previousSlots, { ...held, until: rescheduledAt }],
  };
}

function evolve(state: AppointmentState, event: AppointmentEvent): AppointmentState {
  switch (event.type) {
    case E.requested: {
      const { requestedBy: _, reason: __, requestedAt, ...data } = event.data;
      return { status: 'proposed', ...data, requestedAt };
    }
    case E.booked: {
      const { bookedBy: _, ...data } = event.data;
      return { status: 'booked', ...data, previousSlots: [] };
    }
  }
  if (state.status === 'none' || state.status === 'proposed') return state;
  switch (event.type) {
    case E.rescheduled:
      return moved(state, event.data);
    case E.cancelled: {
      const { reasonCode, late, cancelledAt: at } = event.data;
      return { ...state, status: 'cancelled', cancellation: { reasonCode, late, at } };
    }
    case E.checkedIn:
      return { ...state, status: 'arrived', sessionId: event.data.sessionId };
    case E.noShow:
      return {
        ...state,
        status: 'noshow',
        noShow: event.data.absent,
        sessionId: event.data.sessionId,
      };
    case E.completed:
      return { ...state, status: 'fulfilled', sessionId: event.data.sessionId };
    case E.interpreterAssigned: {
      const interpreter = { participantId: event.data.interpreterId, role: 'interpreter' as const };
      // The request is met: there is no interpreter left to draw, only the one who was drawn.
      const { interpreterRequest: _, ...rest } = state;
      return { ...rest, participants: [...state.participants, interpreter] };
    }
    case E.reminderDue: {
      const key = reminderKey(event.data.appointmentStart, event.data.offsetMinutes);
      return { ...state, remindersDue: [...(state.remindersDue ?? []), key] };
    }
  }
}

/** One appointment from request to outcome: pure, time and policy come in the commands. */
export const appointmentDecider: Decider<AppointmentState, AppointmentCommand, AppointmentEvent> = {
  decide,
  evolve,
  initialState: initialAppointmentState,
};
