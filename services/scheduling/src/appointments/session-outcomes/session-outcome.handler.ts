import { Injectable, Logger } from '@nestjs/common';
import type { SessionEndedV1 } from '@thc/contracts';
import { DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '@thc/event-store/decider';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
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
    try {
      // The commands follow each other (check-in, then complete): each decides on the last
      // state. Someone else changing the appointment meanwhile: decided again on what is there.
      const { version } = await this.appointments.handle(
        ended.appointmentId,
        (state) => commandsForSessionEnd(ended, state),
        {
          // Enough for any sequence: a session's end causes at most a few events.
          eventIds: [0, 1, 2, 3].map((i) => derivedEventId(`${sessionEndedId}/${i}`)),
          metadata: { actor: ended.endedBy.kind === 'user' ? ended.endedBy.userId : 'sessions' },
          retryOnConflict: 2,
        },
      );
      if (version === 0)
        this.logger.warn(`session ${ended.sessionId}: no appointment ${ended.appointmentId}`);
    } catch (error) {
      if (!(error instanceof DuplicateEventIdError)) throw error;
    }
  }
}
