import { Inject, Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost, KAFKA, TopicNames } from '@thc/messaging';
import { Kafka } from 'kafkajs';
import { CLOCK, Clock } from '../../clock/sessions-clock.module';
import { sessionIdOf } from '../domain/session-id';
import { LinksAtBooking } from '../join-links/links-at-booking';
import { SessionRepository } from '../shared/session.repository';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const RESCHEDULED = 'thc.scheduling.AppointmentRescheduled.v1';
const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';
const INTERPRETER_ASSIGNED = 'thc.scheduling.InterpreterAssigned.v1';
const FOLLOWED: readonly string[] = [BOOKED, RESCHEDULED, CANCELLED, INTERPRETER_ASSIGNED];

/**
 * A session per appointment: booked creates it, with a join link for the patient and those with
 * them, each handed sealed to the notifications service to deliver before the visit; rescheduled
 * moves it (and replaces its interpreter when the appointment had to switch), an interpreter
 * drawn on demand joins it, cancelled closes it. Idempotent without a processed-ids list: the
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
    @Inject(KAFKA) kafka: Kafka,
    names: TopicNames,
    private readonly sessions: SessionRepository,
    private readonly linksAtBooking: LinksAtBooking,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(kafka, names);
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
      const loaded = await this.sessions.load(sessionId);
      // Links are signed and sealed for a new session only: a booking seen before decides nothing.
      const links =
        loaded.state.status === 'none'
          ? await this.linksAtBooking.of({ sessionId, ...data }, now)
          : [];
      await this.sessions.handle(
        sessionId,
        () => undefined,
        {
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
          ...(links.length > 0 ? { links } : {}),
          at,
        },
        metadata,
        loaded,
      );
    } else if (event.type === RESCHEDULED) {
      const data = event.data as EventDataOf<typeof RESCHEDULED>;
      await this.sessions.handle(
        sessionIdOf(data.appointmentId),
        () => undefined,
        {
          type: 'MoveSession',
          providerId: data.providerId,
          start: data.start,
          end: data.end,
          ...(data.interpreterId ? { interpreterId: data.interpreterId } : {}),
          at,
        },
        metadata,
      );
    } else if (event.type === INTERPRETER_ASSIGNED) {
      const data = event.data as EventDataOf<typeof INTERPRETER_ASSIGNED>;
      await this.sessions.handle(
        sessionIdOf(data.appointmentId),
        () => undefined,
        { type: 'AssignSessionInterpreter', interpreterId: data.interpreterId, at },
        metadata,
      );
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
}
