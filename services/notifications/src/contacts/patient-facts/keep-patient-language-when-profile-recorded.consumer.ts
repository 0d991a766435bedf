import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { PatientKeyStore } from '@thc/phi-protection';
import { PatientLanguages } from '../infrastructure/patient-languages.projection';

/**
 * A patient's profile language from scheduling, kept sealed for the patients who state no
 * language here. A profile of an erased patient (a redelivery after the erasure) is not kept:
 * it would not open anyway. Other scheduling events are skipped.
 */
@Injectable()
export class KeepPatientLanguageWhenProfileRecorded extends RoutedConsumerHost {
  protected readonly groupId = 'notifications.patient-language';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly languages: PatientLanguages,
    private readonly keys: PatientKeyStore,
  ) {
    super();
  }

  // The topic's other events are not ours to judge.
  protected readonly routes: EventRoutes = {
    'thc.scheduling.PatientProfileRecorded.v1': async ({ data }) => {
      if (await this.keys.isErased(data.patientId)) return;
      await this.languages.keep(data.patientId, data.preferredLanguage, data.recordedAt);
    },
  };
}
