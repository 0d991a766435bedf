import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { PatientClinicsStore } from './patient-clinics.store';

// A requested visit puts the patient in the clinic's care as a booked one does (as in
// compliance-audit's care links).
const PUTS_IN_CLINIC = [
  'thc.scheduling.AppointmentBooked.v1',
  'thc.scheduling.AppointmentRequested.v1',
] as const;

/** The clinics of each patient's visits, for the clinic scope of staff over their contacts. */
@Injectable()
export class LearnPatientClinicsWhenVisitBooked extends EventConsumerHost {
  protected readonly groupId = 'notifications.patient-clinics';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };
  protected override readonly applies = PUTS_IN_CLINIC;

  constructor(private readonly clinics: PatientClinicsStore) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const { patientId, clinicId } = event.data as { patientId: string; clinicId: string };
    await this.clinics.add(patientId, clinicId);
  };
}
