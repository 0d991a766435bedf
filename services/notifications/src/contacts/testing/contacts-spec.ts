import { getConnectionToken } from '@nestjs/mongoose';
import { appointmentBookedV1, fromKafkaHeaders, TOPICS } from '@thc/contracts';
import { Producer } from 'kafkajs';
import { Connection } from 'mongoose';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { notificationsSpecApp } from '../../testing/notifications-spec-app';
import { until } from '../../testing/until';
import { CONTACT_DIRECTORY, ContactDirectory } from '../contact-points';
import { ContactsModule } from '../contacts.module';
import { publish } from './contacts-test-kit';

const PUBLIC_URL = 'https://notify.thc.example.org';
const AUTH_TOKEN = 'twilio-test-auth-token';
export const INBOUND = '/api/v1/sms/inbound';

/** A whole record as a patient states it, in the forms people type (canonicalised on record). */
export const RECORD = {
  email: 'ana.lopez@example.org',
  mobile: '+1 (201) 555-0123',
  preferredLanguage: 'ES-mx',
  timeZone: 'america/new_york',
  quietHours: { start: '21:00', end: '08:00' },
  consent: { byEmail: true, bySms: true },
};

export interface PublishedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly raw: string;
}

/** The route of a person's contact preferences. */
export const contactsPath = (personId: string) => `/api/v1/people/${personId}/contact-preferences`;

/** The `X-Twilio-Signature` header Twilio sends with a text posted to the webhook. */
export const twilioSignature = (form: Record<string, string>) => ({
  'x-twilio-signature': getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${INBOUND}`, form),
});

type Headers = Record<string, string>;

/**
 * The contacts part started for one spec file (the Twilio webhook on), with a patient whose
 * visit is in clinic A, so that clinic's coordinators reach the patient's records. `as` holds the
 * headers of that patient, of a coordinator of clinic A and of one of another clinic; `put` and
 * `get` call a person's contact preferences as one of them. `watch`: the events published on the
 * notifications topic are collected in `published`.
 */
export function contactsSpec(ns: TestNamespace, { watch = false } = {}) {
  const started = notificationsSpecApp(ns, [ContactsModule], {
    env: () => ({
      NOTIFICATIONS_SMS_PROVIDER: 'twilio',
      NOTIFICATIONS_PUBLIC_URL: PUBLIC_URL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    }),
  });
  const clinicA = randomUUID();
  const patientId = randomUUID();
  const published: PublishedEvent[] = [];
  const live = {} as { db: Connection; directory: ContactDirectory; producer: Producer };
  const as = {} as { patient: Headers; coordinatorA: Headers; coordinatorB: Headers };
  const put = (personId: string, who: Headers, body: unknown) =>
    callService(started.url, 'PUT', contactsPath(personId), who, body);
  const get = (personId: string, who: Headers) =>
    callService(started.url, 'GET', contactsPath(personId), who);

  const send = (topic: string, event: Parameters<typeof publish>[2]) =>
    publish(live.producer, ns.topic(topic), event);
  const booked = (patient: string, clinicId: string) =>
    send(TOPICS.scheduling, {
      type: appointmentBookedV1.type,
      source: '/thc/scheduling',
      subject: `appointment-${randomUUID()}`,
      data: {
        ...appointmentBookedV1.example,
        appointmentId: randomUUID(),
        patientId: patient,
        clinicId,
      },
    });

  async function collect(): Promise<void> {
    const consumer = ns.kafka().consumer({ groupId: ns.group('contacts-watch') });
    await consumer.connect();
    started.stopFirst(() => consumer.disconnect());
    await consumer.subscribe({ topic: ns.topic(TOPICS.notifications), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (!decoded.ok) return;
        const raw = message.value?.toString() ?? '';
        published.push({ type: decoded.attributes.type, data: JSON.parse(raw), raw });
      },
    });
  }

  beforeAll(async () => {
    as.patient = await bearer('patient', patientId);
    as.coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    as.coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    live.db = started.app.get<Connection>(getConnectionToken());
    live.directory = started.app.get<ContactDirectory>(CONTACT_DIRECTORY);
    live.producer = ns.kafka().producer();
    await live.producer.connect();
    started.stopFirst(() => live.producer.disconnect());
    if (watch) await collect();
    await booked(patientId, clinicA);
    const clinics = live.db.collection<{ _id: string }>('patient_clinics');
    await until(async () => (await clinics.findOne({ _id: patientId })) !== null, 'clinic learnt');
  }, 180_000);

  return { started, live, clinicA, patientId, published, booked, publish: send, as, put, get };
}
