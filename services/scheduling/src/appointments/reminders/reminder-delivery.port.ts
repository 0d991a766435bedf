import { Injectable, Logger } from '@nestjs/common';
import type { ReminderDueV1 } from '@thc/contracts';

/**
 * Hands a due reminder to whatever sends it (SMS, e-mail, voice). The contact is sealed under
 * the patient's key; an adapter that sends opens it just before sending and never logs it.
 */
export interface ReminderDelivery {
  deliver(reminder: ReminderDueV1): Promise<void>;
}

export const REMINDER_DELIVERY = Symbol('REMINDER_DELIVERY');

/** Development adapter: notes that a reminder would go out, with ids only (no contact). */
@Injectable()
export class LogReminderDelivery implements ReminderDelivery {
  private readonly logger = new Logger('ReminderDelivery');

  async deliver(reminder: ReminderDueV1): Promise<void> {
    this.logger.log(
      `reminder ${reminder.reminderId} for appointment ${reminder.appointmentId} by ` +
        `${reminder.channel}, ${reminder.offsetMinutes} min before ${reminder.appointmentStart}`,
    );
  }
}
