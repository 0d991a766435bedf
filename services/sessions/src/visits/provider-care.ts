import { Inject, Injectable } from '@nestjs/common';
import {
  careIsCurrent,
  careRelationshipDaysFromEnv,
  ensureCareCurrent,
  Principal,
} from '@thc/auth';
import type { Session } from './domain/session.state';
import { careVisitOf } from './care-visit';
import { SessionViews } from './infrastructure/session-views.projection';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * A provider's care relationship with a patient, from the sessions they run with them: open
 * until CARE_RELATIONSHIP_DAYS after the last visit (`careIsCurrent`). Lists and single-session
 * reads ask it alike, so an old session id opens no more than the patient's list would.
 */
@Injectable()
export class ProviderCare {
  /** CARE_RELATIONSHIP_DAYS, read (and refused if malformed) when the service starts. */
  private readonly days = careRelationshipDaysFromEnv();

  constructor(
    private readonly views: SessionViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether these sessions (one provider's with one patient) keep the care current now. */
  isCurrent(sessions: readonly Session[]): boolean {
    return careIsCurrent(sessions.map(careVisitOf), this.clock(), this.days);
  }

  /**
   * After `ensureSessionAccess` admitted a read: refuses (403, nothing read) a provider whose
   * care of the session's patient has ended; staff and the patient pass untouched. The session
   * itself usually settles it; only an old one costs a look at the provider's others.
   */
  ensureCurrent(principal: Principal, session: Session): Promise<void> {
    const { patientId } = session;
    return ensureCareCurrent(principal, patientId, {
      record: [careVisitOf(session)],
      others: async () =>
        (await this.views.list({ patientId, providerId: principal.subject })).map(careVisitOf),
      at: this.clock(),
      days: this.days,
    });
  }
}
