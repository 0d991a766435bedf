import { Inject, Injectable, Logger } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, TypedEvent } from '@thc/messaging';
import { MessageQueue } from '../../delivery/infrastructure/message-queue.projection';
import { NOTIFICATIONS_SETTINGS, NotificationsSettings } from '../../notifications.settings';
import { planJoinLink } from '../domain/join-link.planner';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { planRunningLate } from '../domain/running-late.planner';
import { planSurveyInvitation } from '../domain/survey-invitation.planner';
import { SessionAppointments } from '../infrastructure/session-appointments.projection';
import { visitFactsOf } from '../infrastructure/visit-status.document';
import { VisitStatusProjection } from '../infrastructure/visit-status.projection';
import { PlanningConsumerHost } from '../planning-consumer.host';

const NOT_FOLLOWED = 'a session not followed since its creation';

/**
 * Sessions' events become messages and keep the visit's moments in the visit status: each
 * participant's join link is sent before the visit (or at once when a coordinator sent a new
 * one), a patient kept waiting is told the provider is running late, and a visit that took
 * place is followed by a survey invitation, unless the patient answered the survey first.
 * Admission, start and end are kept so that a "running late" planned on arrival is not sent
 * once it is stale. Idempotent like the scheduling consumer.
 */
@Injectable()
export class PlanMessagesWhenSessionsProgress extends PlanningConsumerHost {
  protected readonly groupId = 'notifications.sessions';
  protected readonly topics = [TOPICS.sessions];
  protected readonly logger = new Logger('PlanFromSessions');

  protected readonly routes: EventRoutes = {
    [E.sessionCreated]: async ({ data }) => {
      await this.sessions.record(data.sessionId, data.appointmentId);
      return this.visits.sessionCreated(data);
    },
    [E.linkDeliveryRequested]: async ({ id: eventId, data }) => {
      if (data.role === 'provider') return;
      const visit =
        data.role === 'patient'
          ? await this.visits.patientLinkRequested(data)
          : await this.visits.find(data.appointmentId);
      const lead = this.settings.joinLinkLeadMinutes;
      return this.plan(planJoinLink({ eventId, data }, lead, visitFactsOf(visit)));
    },
    [E.arrived]: async ({ id: eventId, data }) => {
      const visit = visitFactsOf(await this.visits.arrived(data));
      const wait = this.settings.runningLateMinutes;
      return this.plan(planRunningLate({ eventId, data }, wait, visit));
    },
    [E.admitted]: async (event) => {
      const appointmentId = await this.sessions.appointmentOf(event.data.sessionId);
      if (!appointmentId) return this.skip(event, NOT_FOLLOWED);
      return this.visits.admitted(appointmentId, event.data.admittedAt);
    },
    [E.surveySubmitted]: async (event) => {
      if (event.data.role !== 'patient') return;
      const appointmentId = await this.sessions.appointmentOf(event.data.sessionId);
      if (!appointmentId) return this.skip(event, NOT_FOLLOWED);
      return this.visits.surveyed(appointmentId, event.data.submittedAt);
    },
    [E.sessionStarted]: ({ data }) => this.visits.started(data),
    [E.sessionEnded]: (event) => this.ended(event),
  };

  constructor(
    private readonly visits: VisitStatusProjection,
    private readonly sessions: SessionAppointments,
    queue: MessageQueue,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    super(queue);
  }

  /** A visit that took place is followed by a survey invitation to its patient. */
  private async ended(event: TypedEvent<typeof E.sessionEnded>): Promise<void> {
    const visit = await this.visits.ended(event.data);
    if (!visit?.patientId) return this.skip(event, 'the patient of the visit is not known');
    const facts = visitFactsOf(visit);
    const ended = {
      patientId: visit.patientId,
      ...(facts ? { visit: facts } : {}),
      ...(visit.patientJoinLink ? { joinLink: visit.patientJoinLink } : {}),
    };
    return this.plan(planSurveyInvitation({ eventId: event.id, data: event.data }, ended));
  }
}
