import { Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import type { ContactChannel } from '../domain/contact-preferences.events';
import { ContactPointsProjection } from '../infrastructure/contact-points.projection';
import { OptOutOfChannelHandler, OptOutOutcome } from '../opt-out-of-channel.handler';
import { PersonReach } from '../person-reach';

/**
 * A person leaves a channel through the API: the patient themself (source `patient`), or staff
 * who reach the patient the record belongs to, on the person's word (source `staff`).
 */
@Injectable()
export class OptOutOnRequestHandler {
  constructor(
    private readonly views: ContactPointsProjection,
    private readonly reach: PersonReach,
    private readonly optOuts: OptOutOfChannelHandler,
  ) {}

  /** Throws 403 unless the caller reaches the person; the view read here is the one decided on. */
  async optOut(
    personId: string,
    channel: ContactChannel,
    principal: Principal,
  ): Promise<OptOutOutcome> {
    const view = await this.views.find(personId);
    await this.reach.ensure(principal, personId, view?.patientId ?? personId);
    const source = PersonReach.isThePerson(principal, personId) ? 'patient' : 'staff';
    return this.optOuts.optOut(personId, channel, source, principal.subject, { view });
  }
}
