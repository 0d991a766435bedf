import type { EventDataOf } from '@thc/contracts';
import type { EventFact, FactsOfEvents, VisitFact } from './event-facts';

const visit = (appointmentId: string, fact: VisitFact): readonly EventFact[] => [
  { target: 'visit', appointmentId, fact },
];

function booked(data: EventDataOf<'thc.scheduling.AppointmentBooked.v1'>): readonly EventFact[] {
  return visit(data.appointmentId, {
    kind: 'booked',
    clinicId: data.clinicId,
    providerId: data.providerId,
    visitType: data.visitType,
    start: new Date(data.start),
    end: new Date(data.end),
    timeZone: data.timeZone,
    bookedAt: new Date(data.bookedAt),
  });
}

function rescheduled(
  data: EventDataOf<'thc.scheduling.AppointmentRescheduled.v1'>,
): readonly EventFact[] {
  return visit(data.appointmentId, {
    kind: 'rescheduled',
    start: new Date(data.start),
    end: new Date(data.end),
    timeZone: data.timeZone,
  });
}

const cancelled = (
  data: EventDataOf<'thc.scheduling.AppointmentCancelled.v1'>,
): readonly EventFact[] =>
  visit(data.appointmentId, {
    kind: 'cancelled',
    cancelledAt: new Date(data.cancelledAt),
    late: data.late === true,
  });

const completed = (
  data: EventDataOf<'thc.scheduling.AppointmentCompleted.v1'>,
): readonly EventFact[] =>
  visit(data.appointmentId, {
    kind: 'completed',
    startedAt: new Date(data.startedAt),
    endedAt: new Date(data.endedAt),
  });

const noShow = (data: EventDataOf<'thc.scheduling.AppointmentNoShow.v1'>): readonly EventFact[] =>
  visit(data.appointmentId, { kind: 'no-show', absent: data.absent });

function scheduleDefined(
  data: EventDataOf<
    'thc.scheduling.ProviderScheduleDefined.v1' | 'thc.scheduling.ProviderScheduleDefined.v2'
  >,
): readonly EventFact[] {
  const { providerId, clinicId, timeZone, weeklyRules, exceptions, effectiveFrom } = data;
  const fact = {
    kind: 'schedule-defined',
    clinicId,
    timeZone,
    weeklyRules,
    exceptions,
    effectiveFrom,
  } as const;
  return [{ target: 'schedule', providerId, fact }];
}

/** What the scheduling topic tells the visit metrics: bookings, their fate, schedules. */
export const SCHEDULING_FACTS = {
  'thc.scheduling.AppointmentBooked.v1': booked,
  'thc.scheduling.AppointmentRescheduled.v1': rescheduled,
  'thc.scheduling.AppointmentCancelled.v1': cancelled,
  'thc.scheduling.AppointmentCompleted.v1': completed,
  'thc.scheduling.AppointmentNoShow.v1': noShow,
  'thc.scheduling.ProviderScheduleDefined.v1': scheduleDefined,
  'thc.scheduling.ProviderScheduleDefined.v2': scheduleDefined,
} as const satisfies FactsOfEvents;
