import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { SessionProviderCare } from '../provider-care';
import { ensureSessionAccess } from '../session-access';
import { Handled, SessionRepository } from '../infrastructure/session.repository';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import { Clock, CLOCK } from '@thc/service-runtime';

/** The patient says where they are for the visit; staff or the provider may record it for them. */
@Injectable()
export class ConfirmLocationHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly care: SessionProviderCare,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirm(sessionId: string, state: string, principal: Principal): Promise<Handled> {
    const before = await this.sessions.load(sessionId);
    await this.care.ensureCurrent(principal, ensureSessionAccess(principal, before.state));
    return this.sessions.handle(
      sessionId,
      {
        type: 'ConfirmPatientLocation',
        state,
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      {
        check: (current) => ensureSessionAccess(principal, current),
        metadata: { actor: principal.subject },
        loaded: before,
      },
    );
  }
}
