import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { PatientKeyStore } from '@thc/phi-protection';
import { PatientLanguages } from './patient-languages.store';

const PROFILE_RECORDED = 'thc.scheduling.PatientProfileRecorded.v1';
type ProfileRecorded = EventDataOf<typeof PROFILE_RECORDED>;

/**
 * A patient's profile language from scheduling, kept sealed for the patients who state no
 * language here. A profile of an erased patient (a redelivery after the erasure) is not kept:
 * it would not open anyway. Other scheduling events are skipped.
 */
@Injectable()
export class KeepPatientLanguageWhenProfileRecorded extends EventConsumerHost {
  protected readonly groupId = 'notifications.patient-language';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };
  // The topic's other events are not ours to judge.
  protected override readonly applies = [PROFILE_RECORDED];

  constructor(
    private readonly languages: PatientLanguages,
    private readonly keys: PatientKeyStore,
  ) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const { patientId, preferredLanguage, recordedAt } = event.data as ProfileRecorded;
    if (await this.keys.isErased(patientId)) return;
    await this.languages.keep(patientId, preferredLanguage, recordedAt);
  };
}
