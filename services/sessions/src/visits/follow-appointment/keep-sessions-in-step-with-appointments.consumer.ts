import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import type { EventMetadata } from '@thc/event-store';
import { EventRoutes, RoutedConsumerHost, TypedEvent } from '@thc/messaging';
import { Clock, CLOCK } from '@thc/service-runtime';
import { sessionIdOf } from '../domain/session-id';
import { SessionRepository } from '../infrastructure/session.repository';
import { LinkingCommand, LinksToSend } from './links-to-send';

/** What the session records of the scheduling event: caused by it, in its correlation. */
const causedBy = ({ id }: { id: string }): EventMetadata => ({
  causationId: id,
  correlationId: id,
  actor: 'sessions',
});

/**
 * A session per appointment: booked creates it, with a join link for the patient and those with
 * them, each handed sealed to the notifications service to deliver before the visit; rescheduled
 * moves it (and replaces its interpreter when the appointment had to switch) with new links for
 * the new time, an interpreter drawn on demand joins it with a link of their own, cancelled
 * closes it. Idempotent without a processed-ids list: the session id is derived from the
 * appointment id, and the decider decides nothing for a booking it has seen, a move to where the
 * session already is, an interpreter it already has, or a close of a closed session. Other
 * scheduling events are skipped.
 */
@Injectable()
export class KeepSessionsInStepWithAppointments extends RoutedConsumerHost {
  protected readonly groupId = 'sessions.appointments';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly sessions: SessionRepository,
    private readonly linksToSend: LinksToSend,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.scheduling.AppointmentBooked.v1': (event) => this.booked(event),
    'thc.scheduling.AppointmentRescheduled.v1': (event) =>
      this.withLinks(event, sessionIdOf(event.data.appointmentId), (at) => ({
        type: 'MoveSession',
        providerId: event.data.providerId,
        start: event.data.start,
        end: event.data.end,
        ...(event.data.interpreterId ? { interpreterId: event.data.interpreterId } : {}),
        at,
      })),
    'thc.scheduling.InterpreterAssigned.v1': (event) =>
      this.withLinks(event, sessionIdOf(event.data.appointmentId), (at) => ({
        type: 'AssignSessionInterpreter',
        interpreterId: event.data.interpreterId,
        at,
      })),
    'thc.scheduling.AppointmentCancelled.v1': async (event) => {
      await this.sessions.handle(
        sessionIdOf(event.data.appointmentId),
        {
          type: 'CloseSession',
          at: this.clock().toISOString(),
          by: { kind: 'system', service: 'sessions' },
        },
        { metadata: causedBy(event) },
      );
    },
  };

  private booked(event: TypedEvent<'thc.scheduling.AppointmentBooked.v1'>): Promise<void> {
    const { data } = event;
    const sessionId = sessionIdOf(data.appointmentId);
    return this.withLinks(event, sessionId, (at) => ({
      type: 'CreateSession',
      sessionId,
      appointmentId: data.appointmentId,
      patientId: data.patientId,
      providerId: data.providerId,
      clinicId: data.clinicId,
      visitType: data.visitType,
      start: data.start,
      end: data.end,
      participants: data.participants,
      at,
    }));
  }

  /**
   * Decides the command with the links it leaves to send, in the same append. Links are signed
   * and sealed only when the command changes the session: an event seen before decides nothing.
   */
  private async withLinks(
    event: { id: string },
    sessionId: string,
    commandAt: (at: string) => LinkingCommand,
  ): Promise<void> {
    const now = this.clock();
    const command = commandAt(now.toISOString());
    const loaded = await this.sessions.load(sessionId);
    const links = await this.linksToSend.for(command, loaded.state, now);
    await this.sessions.handle(
      sessionId,
      { ...command, ...(links.length > 0 ? { links } : {}) },
      { metadata: causedBy(event), loaded },
    );
  }
}
