import { Inject, Injectable } from '@nestjs/common';
import { CareVisit } from '@thc/auth';
import { Clock, CLOCK, ProviderCare } from '@thc/service-runtime';
import type { Session } from './domain/session.state';
import { careVisitOf } from './care-visit';
import { SessionViews } from './infrastructure/session-views.projection';

/** A provider's care relationship with a patient, from the sessions they run with them. */
@Injectable()
export class SessionProviderCare extends ProviderCare<Session> {
  constructor(
    private readonly views: SessionViews,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  protected careVisitOf(session: Session): CareVisit {
    return careVisitOf(session);
  }

  protected othersOf(patientId: string, providerId: string): Promise<readonly Session[]> {
    return this.views.list({ patientId, providerId });
  }
}
