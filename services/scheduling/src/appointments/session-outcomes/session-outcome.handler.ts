import { Injectable, Logger } from '@nestjs/common';
import type { SessionEndedV1 } from '@thc/contracts';
import { ConcurrencyError, DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '@thc/event-store/decider';
import { appointmentDecider } from '../domain/appointment.decider';
import type { AppointmentEvent } from '../domain/appointment.events';
import { AppointmentRepository } from '../shared/appointment.repository';
import { commandsForSessionEnd } from './session-outcome';

/**
 * Records a session's outcome on its appointment. Idempotent twice over: the decision is empty
 * once the appointment carries the outcome, and the events' ids derive from the SessionEnded
 * id, so a redelivery racing the first delivery is refused by the store as a duplicate.
 */
@Injectable()
export class SessionOutcomeHandler {
  private readonly logger = new Logger(SessionOutcomeHandler.name);

  constructor(private readonly appointments: AppointmentRepository) {}

  async apply(sessionEndedId: string, ended: SessionEndedV1): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.appointments.load(ended.appointmentId);
      const commands = commandsForSessionEnd(ended, before.state);
      if (commands.length === 0) {
        if (before.state.status === 'none')
          this.logger.warn(`session ${ended.sessionId}: no appointment ${ended.appointmentId}`);
        return;
      }
      // The commands follow each other (check-in, then complete): each decides on the last state.
      const events: AppointmentEvent[] = [];
      let state = before.state;
      for (const command of commands) {
        const decided = this.appointments.decide({ state, version: 0 }, command).events;
        events.push(...decided);
        state = decided.reduce(appointmentDecider.evolve, state);
      }
      try {
        await this.appointments.append(
          ended.appointmentId,
          { before, events },
          { actor: ended.endedBy.kind === 'user' ? ended.endedBy.userId : 'sessions' },
          events.map((_, i) => derivedEventId(`${sessionEndedId}/${i}`)),
        );
        return;
      } catch (error) {
        if (error instanceof DuplicateEventIdError) return;
        // Someone else changed the appointment meanwhile: decide again on what is there now.
        if (!(error instanceof ConcurrencyError) || attempt >= 2) throw error;
      }
    }
  }
}
