import { Inject, Injectable } from '@nestjs/common';
import {
  careIsCurrent,
  careRelationshipDaysFromEnv,
  ensureCareCurrent,
  Principal,
} from '@thc/auth';
import { Scheduled } from './domain/appointment.state';
import { AppointmentViews } from './infrastructure/appointment-views.projection';
import { careVisitOf } from './care-visit';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * A provider's care relationship with a patient, from the provider's appointments with them:
 * open from booking until CARE_RELATIONSHIP_DAYS after the last visit (`careIsCurrent`). Lists
 * and single-appointment reads ask it alike, so an old appointment id opens no more than the
 * patient's list would.
 */
@Injectable()
export class ProviderCare {
  /** CARE_RELATIONSHIP_DAYS, read (and refused if malformed) when the service starts. */
  private readonly days = careRelationshipDaysFromEnv();

  constructor(
    private readonly views: AppointmentViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether these appointments (one provider's with one patient) keep the care current now. */
  isCurrent(appointments: readonly Scheduled[]): boolean {
    return careIsCurrent(appointments.map(careVisitOf), this.clock(), this.days);
  }

  /**
   * After `ensureAppointmentAccess` admitted a read: refuses (403, nothing read) a provider
   * whose care of the appointment's patient has ended; staff and the patient pass untouched.
   * The appointment itself usually settles it; only an old one costs a look at the others.
   */
  ensureCurrent(principal: Principal, appointment: Scheduled): Promise<void> {
    const { patientId } = appointment;
    return ensureCareCurrent(principal, patientId, {
      record: [careVisitOf(appointment)],
      others: async () =>
        (await this.views.forPatient(patientId))
          .filter((view) => view.providerId === principal.subject)
          .map(careVisitOf),
      at: this.clock(),
      days: this.days,
    });
  }
}
