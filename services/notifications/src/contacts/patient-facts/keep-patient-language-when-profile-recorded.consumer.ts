import { Inject, Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost, KAFKA, TopicNames } from '@thc/messaging';
import { PatientKeyStore } from '@thc/phi-protection';
import { Kafka } from 'kafkajs';
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

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    names: TopicNames,
    private readonly languages: PatientLanguages,
    private readonly keys: PatientKeyStore,
  ) {
    super(kafka, names);
  }

  // Only the profile is checked: the topic's other events are not ours to judge.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === PROFILE_RECORDED ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type !== PROFILE_RECORDED) return;
    const { patientId, preferredLanguage, recordedAt } = event.data as ProfileRecorded;
    if (await this.keys.isErased(patientId)) return;
    await this.languages.keep(patientId, preferredLanguage, recordedAt);
  };
}
