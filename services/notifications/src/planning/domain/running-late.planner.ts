import type { PlannedMessage, VisitFacts } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import { later, minutesAfter } from './instants';
import type { PatientArrivedInWaitingRoom, Trigger } from './planning-events';

/**
 * Planned on arrival for the moment the patient will have waited `waitMinutes` past the later
 * of their arrival and the visit's start (coming early is no one's delay). Whether it still
 * goes is decided then: an admission or the end of the visit meanwhile makes it stale.
 */
export function planRunningLate(
  { eventId, data }: Trigger<PatientArrivedInWaitingRoom>,
  waitMinutes: number,
  visit: VisitFacts | undefined,
): PlannedMessage[] {
  const waitingFrom = visit ? later(data.arrivedAt, visit.start) : data.arrivedAt;
  return [
    {
      ...addressed(
        eventId,
        'provider-running-late',
        { recipientId: data.patientId, recipientRole: 'patient' },
        data.patientId,
      ),
      appointmentId: data.appointmentId,
      sessionId: data.sessionId,
      sendAt: minutesAfter(waitingFrom, waitMinutes),
      urgent: true,
      waitedMinutes: waitMinutes,
      ...(visit ? { visit, deadline: visit.end } : {}),
    },
  ];
}
