import { Inject, Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import type { EventMetadata } from '@thc/event-store';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { sessionIdOf } from '../domain/session-id';
import { LinkingCommand, LinksToSend } from '../join-links/links-to-send';
import { SessionRepository } from '../shared/session.repository';
import { Clock, CLOCK } from '@thc/service-runtime';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const RESCHEDULED = 'thc.scheduling.AppointmentRescheduled.v1';
const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';
const INTERPRETER_ASSIGNED = 'thc.scheduling.InterpreterAssigned.v1';
const FOLLOWED: readonly string[] = [BOOKED, RESCHEDULED, CANCELLED, INTERPRETER_ASSIGNED];

/**
 * A session per appointment: booked creates it, with a join link for the patient and those with
 * them, each handed sealed to the notifications service to deliver before the visit; rescheduled
 * moves it (and replaces its interpreter when the appointment had to switch) with new links for
 * the new time, an interpreter drawn on demand joins it with a link of their own, cancelled
 * closes it. Idempotent without a processed-ids list: the
 * session id is derived from the appointment id, and the decider decides nothing for a booking
 * it has seen, a move to where the session already is, an interpreter it already has, or a close
 * of a closed session. Other scheduling events are skipped.
 */
@Injectable()
export class AppointmentEventsConsumer extends EventConsumerHost {
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

  // Only the types applied here are checked: a new scheduling event must not dead-letter here.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    FOLLOWED.includes(event.type) ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const metadata = { causationId: event.id, correlationId: event.id, actor: 'sessions' };
    const now = this.clock();
    const at = now.toISOString();
    if (event.type === BOOKED) {
      const data = event.data as EventDataOf<typeof BOOKED>;
      const sessionId = sessionIdOf(data.appointmentId);
      await this.withLinks(sessionId, now, metadata, {
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
      });
    } else if (event.type === RESCHEDULED) {
      const data = event.data as EventDataOf<typeof RESCHEDULED>;
      await this.withLinks(sessionIdOf(data.appointmentId), now, metadata, {
        type: 'MoveSession',
        providerId: data.providerId,
        start: data.start,
        end: data.end,
        ...(data.interpreterId ? { interpreterId: data.interpreterId } : {}),
        at,
      });
    } else if (event.type === INTERPRETER_ASSIGNED) {
      const data = event.data as EventDataOf<typeof INTERPRETER_ASSIGNED>;
      await this.withLinks(sessionIdOf(data.appointmentId), now, metadata, {
        type: 'AssignSessionInterpreter',
        interpreterId: data.interpreterId,
        at,
      });
    } else if (event.type === CANCELLED) {
      const data = event.data as EventDataOf<typeof CANCELLED>;
      await this.sessions.handle(
        sessionIdOf(data.appointmentId),
        () => undefined,
        { type: 'CloseSession', at, by: { kind: 'system', service: 'sessions' } },
        metadata,
      );
    }
  };

  /**
   * Decides the command with the links it leaves to send, in the same append. Links are signed
   * and sealed only when the command changes the session: an event seen before decides nothing.
   */
  private async withLinks(
    sessionId: string,
    now: Date,
    metadata: EventMetadata,
    command: LinkingCommand,
  ): Promise<void> {
    const loaded = await this.sessions.load(sessionId);
    const links = await this.linksToSend.for(command, loaded.state, now);
    await this.sessions.handle(
      sessionId,
      () => undefined,
      { ...command, ...(links.length > 0 ? { links } : {}) },
      metadata,
      loaded,
    );
  }
}
