import { Injectable, Logger } from '@nestjs/common';
import { PatientErasedError } from '@thc/phi-protection';
import { normalisedE164 } from '../domain/e164';
import { NoContactPreferencesError } from '../domain/contact-preferences.errors';
import { MobileLookup } from '../infrastructure/mobile-lookup.projection';
import { OptOutOfChannelHandler } from '../opt-out-of-channel.handler';
import { isStopReply } from './stop-keywords';

/** Who acted, in the events' metadata, for an opt-out the person texted. */
const GATEWAY_ACTOR = 'sms-gateway';

/**
 * A text to the service's number: a STOP reply opts every person recorded with that number out
 * of SMS. START (or UNSTOP) needs nothing here: the gateway lifts its own block, and SMS resumes
 * once the person's consent to it is recorded again. Anything else is not acted on.
 */
@Injectable()
export class StopReplyHandler {
  private readonly logger = new Logger('SmsInbound');

  constructor(
    private readonly lookup: MobileLookup,
    private readonly optOuts: OptOutOfChannelHandler,
  ) {}

  /** How many people left SMS on this text. */
  async received(from: string, body: string): Promise<number> {
    const mobile = normalisedE164(from);
    if (!mobile || !isStopReply(body)) return 0;
    let optedOut = 0;
    for (const personId of await this.lookup.peopleAt(mobile)) {
      try {
        const outcome = await this.optOuts.optOut(personId, 'sms', 'stop-reply', GATEWAY_ACTOR);
        if (outcome.changed) optedOut += 1;
      } catch (error) {
        // A lookup entry outliving its record (erased meanwhile) has no one left to opt out.
        if (!(error instanceof NoContactPreferencesError || error instanceof PatientErasedError))
          throw error;
        this.logger.debug(`STOP for person ${personId} not recorded: ${error.message}`);
      }
    }
    return optedOut;
  }
}
