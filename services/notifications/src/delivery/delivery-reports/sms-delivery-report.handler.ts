import { Inject, Injectable, Logger } from '@nestjs/common';
import { twilioRecipientFailure } from '../../channels/sms/twilio-failure';
import { OptOutOfChannelHandler } from '../../contacts/opt-out-of-channel.handler';
import { bouncedEvent } from '../domain/outcome-events';
import { MessageOutcomeRepository } from '../infrastructure/message-outcome.repository';
import { Clock, CLOCK } from '@thc/service-runtime';

/** What the gateway reported about one SMS it had accepted. */
export interface SmsDeliveryReport {
  readonly messageId: string;
  /** queued, sent, delivered, undelivered, failed, … */
  readonly status: string;
  readonly errorCode?: number;
}

export type ReportEffect = 'bounced' | 'opted-out' | 'nothing';

/**
 * A delivery report after the gateway took the message: most say it moved on (sent,
 * delivered) and change nothing here. An undelivered or failed one whose code says the number
 * cannot be reached is a bounce of a message already recorded as sent; one saying the number
 * replied STOP is that person's opt-out. Reports come more than once; the message's stream
 * takes one bounce.
 */
@Injectable()
export class SmsDeliveryReportHandler {
  private readonly logger = new Logger('SmsDeliveryReport');

  constructor(
    private readonly outcomes: MessageOutcomeRepository,
    private readonly optOuts: OptOutOfChannelHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async received(report: SmsDeliveryReport): Promise<ReportEffect> {
    if (report.status !== 'undelivered' && report.status !== 'failed') return 'nothing';
    const failure =
      report.errorCode === undefined ? undefined : twilioRecipientFailure(report.errorCode);
    if (!failure) return 'nothing';
    const { about, byChannel } = await this.outcomes.outcomes(report.messageId);
    if (!about || byChannel.sms !== 'sent') {
      this.logger.debug(`report on ${report.messageId}: no SMS of it was recorded as sent`);
      return 'nothing';
    }
    if (failure.optedOut) {
      await this.optOuts
        .optOut(about.recipientId, 'sms', 'stop-reply', 'notifications')
        .catch((error: Error) => this.logger.debug(`opt-out not recorded: ${error.message}`));
      // The message itself did not arrive: a bounce, and the reason is on the person now.
    }
    const recorded = await this.outcomes.record(
      bouncedEvent(about, 'sms', failure.detail, this.clock()),
    );
    return recorded ? (failure.optedOut ? 'opted-out' : 'bounced') : 'nothing';
  }
}
