import { Inject, Injectable } from '@nestjs/common';
import { CareVisit } from '@thc/auth';
import { Clock, CLOCK, ProviderCare } from '@thc/service-runtime';
import { Scheduled } from './domain/appointment.state';
import { AppointmentViews } from './infrastructure/appointment-views.projection';
import { careVisitOf } from './care-visit';

/** A provider's care relationship with a patient, from the provider's appointments with them. */
@Injectable()
export class AppointmentProviderCare extends ProviderCare<Scheduled> {
  constructor(
    private readonly views: AppointmentViews,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  protected careVisitOf(appointment: Scheduled): CareVisit {
    return careVisitOf(appointment);
  }

  protected async othersOf(patientId: string, providerId: string): Promise<readonly Scheduled[]> {
    return (await this.views.forPatient(patientId)).filter(
      (view) => view.providerId === providerId,
    );
  }
}
