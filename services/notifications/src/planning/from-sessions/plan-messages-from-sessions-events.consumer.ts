import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventDataOf, TOPICS } from '@thc/contracts';
import { ConsumedEvent } from '@thc/messaging';
import { MessageQueueStore } from '../../delivery/infrastructure/message-queue.store';
import { NOTIFICATIONS_SETTINGS, NotificationsSettings } from '../../notifications.settings';
import { planJoinLink } from '../domain/join-link.planner';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { PlanningConsumerHost } from '../planning-consumer.host';
import { planRunningLate } from '../domain/running-late.planner';
import { planSurveyInvitation } from '../domain/survey-invitation.planner';
import { SessionAppointments } from '../visit-status/session-appointments.store';
import { visitFactsOf } from '../visit-status/visit-status.document';
import { VisitStatusStore } from '../visit-status/visit-status.store';

const APPLIED = [
  E.sessionCreated,
  E.linkDeliveryRequested,
  E.arrived,
  E.admitted,
  E.sessionStarted,
  E.sessionEnded,
  E.surveySubmitted,
] as const;

/**
 * Sessions' events become messages and keep the visit's moments in the visit status: each
 * participant's join link is sent before the visit (or at once when a coordinator sent a new
 * one), a patient kept waiting is told the provider is running late, and a visit that took
 * place is followed by a survey invitation, unless the patient answered the survey first. Admission, start and end are kept so that a
 * "running late" planned on arrival is not sent once it is stale. Idempotent like the
 * scheduling consumer. Other sessions events are skipped.
 */
@Injectable()
export class PlanMessagesFromSessionsEventsConsumer extends PlanningConsumerHost {
  protected readonly groupId = 'notifications.sessions';
  protected readonly topics = [TOPICS.sessions];
  protected override readonly applies = APPLIED;
  protected readonly logger = new Logger('PlanFromSessions');

  constructor(
    private readonly visits: VisitStatusStore,
    private readonly sessions: SessionAppointments,
    queue: MessageQueueStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    super(queue);
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const eventId = event.id;
    switch (event.type) {
      case E.sessionCreated: {
        const data = event.data as EventDataOf<typeof E.sessionCreated>;
        await this.sessions.record(data.sessionId, data.appointmentId);
        return this.visits.sessionCreated(data);
      }
      case E.linkDeliveryRequested: {
        const data = event.data as EventDataOf<typeof E.linkDeliveryRequested>;
        if (data.role === 'provider') return;
        const visit =
          data.role === 'patient'
            ? await this.visits.patientLinkRequested(data)
            : await this.visits.find(data.appointmentId);
        const lead = this.settings.joinLinkLeadMinutes;
        return this.plan(planJoinLink({ eventId, data }, lead, visitFactsOf(visit)));
      }
      case E.arrived: {
        const data = event.data as EventDataOf<typeof E.arrived>;
        const visit = visitFactsOf(await this.visits.arrived(data));
        const wait = this.settings.runningLateMinutes;
        return this.plan(planRunningLate({ eventId, data }, wait, visit));
      }
      case E.admitted: {
        const data = event.data as EventDataOf<typeof E.admitted>;
        const appointmentId = await this.sessions.appointmentOf(data.sessionId);
        if (!appointmentId) return this.skip(event, 'a session not followed since its creation');
        return this.visits.admitted(appointmentId, data.admittedAt);
      }
      case E.surveySubmitted: {
        const data = event.data as EventDataOf<typeof E.surveySubmitted>;
        if (data.role !== 'patient') return;
        const appointmentId = await this.sessions.appointmentOf(data.sessionId);
        if (!appointmentId) return this.skip(event, 'a session not followed since its creation');
        return this.visits.surveyed(appointmentId, data.submittedAt);
      }
      case E.sessionStarted:
        return this.visits.started(event.data as EventDataOf<typeof E.sessionStarted>);
      case E.sessionEnded: {
        const data = event.data as EventDataOf<typeof E.sessionEnded>;
        const visit = await this.visits.ended(data);
        if (!visit?.patientId) return this.skip(event, 'the patient of the visit is not known');
        const facts = visitFactsOf(visit);
        const ended = {
          patientId: visit.patientId,
          ...(facts ? { visit: facts } : {}),
          ...(visit.patientJoinLink ? { joinLink: visit.patientJoinLink } : {}),
        };
        return this.plan(planSurveyInvitation({ eventId, data }, ended));
      }
    }
  };
}
