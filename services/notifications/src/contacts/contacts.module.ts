import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { urlencoded } from 'express';
import { NOTIFICATIONS_SETTINGS, NotificationsSettings } from '../notifications.settings';
import { PersonReach } from './person-reach';
import { CONTACT_DIRECTORY } from './contact-points';
import { ForgetContactsWhenPatientErased } from './erasure/forget-contacts-when-patient-erased.consumer';
import { ContactPointsProjection } from './infrastructure/contact-points.projection';
import { ContactPreferencesRepository } from './infrastructure/contact-preferences.repository';
import { ContactSealer } from './infrastructure/contact-sealer';
import { ContactViewUpdater } from './infrastructure/contact-view-updater';
import { MOBILE_LOOKUP_KEY, mobileLookupKeyFromEnv } from './infrastructure/mobile-lookup-key';
import { MobileLookup } from './infrastructure/mobile-lookup.projection';
import { SealedContactDirectory } from './infrastructure/sealed-contact-directory';
import { OptOutController } from './opt-out/opt-out.controller';
import { OptOutOnRequestHandler } from './opt-out/opt-out-on-request.handler';
import { OptOutOfChannelHandler } from './opt-out-of-channel.handler';
import { KeepPatientLanguageWhenProfileRecorded } from './patient-facts/keep-patient-language-when-profile-recorded.consumer';
import { LearnPatientClinicsWhenVisitBooked } from './patient-facts/learn-patient-clinics-when-visit-booked.consumer';
import { LearnStaffClinicsWhenStaffRecorded } from './patient-facts/learn-staff-clinics-when-staff-recorded.consumer';
import { PatientClinics } from './infrastructure/patient-clinics.projection';
import { PatientLanguages } from './infrastructure/patient-languages.projection';
import { ContactPreferencesController } from './record-preferences/contact-preferences.controller';
import { ReadContactPreferencesHandler } from './record-preferences/read-contact-preferences.handler';
import { RecordContactPreferencesHandler } from './record-preferences/record-contact-preferences.handler';
import { INBOUND_SMS_GATE, INBOUND_SMS_PATH, inboundSmsGate } from './sms-inbound/inbound-sms-gate';
import { SmsInboundController } from './sms-inbound/sms-inbound.controller';
import { StopReplyHandler } from './sms-inbound/stop-reply.handler';

const httpControllers = [ContactPreferencesController, OptOutController, SmsInboundController];

const commandHandlers = [
  RecordContactPreferencesHandler,
  ReadContactPreferencesHandler,
  OptOutOfChannelHandler,
  OptOutOnRequestHandler,
  StopReplyHandler,
];

const messageConsumers = [
  KeepPatientLanguageWhenProfileRecorded,
  LearnPatientClinicsWhenVisitBooked,
  LearnStaffClinicsWhenStaffRecorded,
  ForgetContactsWhenPatientErased,
];

const stores = [
  ContactPreferencesRepository,
  ContactPointsProjection,
  ContactViewUpdater,
  ContactSealer,
  MobileLookup,
  PatientLanguages,
  PatientClinics,
  PersonReach,
];

/**
 * People's contact points and preferences: recorded through the API, left through opt-outs and
 * STOP replies, read by the dispatcher through CONTACT_DIRECTORY, purged on a patient's
 * erasure. Needs PlatformModule, KafkaModule, EventStoreModule, the outbox relay,
 * PhiProtectionModule, NotificationsSettingsModule, ClockModule and IdsModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    ...stores,
    { provide: MOBILE_LOOKUP_KEY, useFactory: () => mobileLookupKeyFromEnv() },
    {
      provide: INBOUND_SMS_GATE,
      inject: [NOTIFICATIONS_SETTINGS],
      useFactory: (settings: NotificationsSettings) => inboundSmsGate(settings),
    },
    { provide: CONTACT_DIRECTORY, useClass: SealedContactDirectory },
  ],
  exports: [CONTACT_DIRECTORY, OptOutOfChannelHandler, INBOUND_SMS_GATE],
})
export class ContactsModule implements NestModule {
  /** The SMS gateway posts forms; every other route of the service takes JSON only. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 100 }))
      .forRoutes({ path: INBOUND_SMS_PATH, method: RequestMethod.POST });
  }
}
