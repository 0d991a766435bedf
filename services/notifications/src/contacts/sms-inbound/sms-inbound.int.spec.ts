import { MongoEventStore } from '@thc/event-store';
import { postServiceForm, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { contactsSpec, INBOUND, RECORD as record, twilioSignature } from '../testing/contacts-spec';

/** Numbers are looked up without the number: by a keyed hash of it. */
describe('a STOP reply by SMS', () => {
  const spec = contactsSpec(new TestNamespace('notif-sms-inbound'));
  const { patientId, put, get, as } = spec;
  /** A text as Twilio posts it, signed. */
  const text = (form: Record<string, string>) =>
    postServiceForm(spec.started.url, INBOUND, form, twilioSignature(form));

  const caregiverId = randomUUID();

  beforeAll(async () => {
    expect((await put(patientId, as.patient, record)).status).toBe(200);
    const caregiver = { ...record, patientId, timeZone: 'America/Chicago' };
    expect((await put(caregiverId, as.coordinatorA, caregiver)).status).toBe(200);
  });

  it('is refused forged or unsigned, and changes nothing', async () => {
    const forged = await postServiceForm(
      spec.started.url,
      INBOUND,
      { From: '+12015550123', Body: 'STOP' },
      { 'x-twilio-signature': 'bm90LWEtc2lnbmF0dXJl' },
    );
    expect(forged.status).toBe(403);
    const unsigned = await postServiceForm(spec.started.url, INBOUND, {
      From: '+12015550123',
      Body: 'STOP',
    });
    expect(unsigned.status).toBe(403);
    const start = await text({ From: '+12015550123', Body: 'START', MessageSid: 'SM1' });
    expect(start.status).toBe(200);
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { sms: false },
    });
  });

  it('opts everyone with the number out of SMS, and nothing else', async () => {
    const stop = await text({
      From: '+12015550123',
      Body: '  stop ',
      MessageSid: 'SM2',
      To: '+12015550199',
    });
    expect(stop.status).toBe(200);
    expect(stop.type).toContain('text/xml');
    expect(stop.text).toContain('<Response/>');
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { email: false, sms: true },
      consent: { bySms: true },
    });
    expect((await get(caregiverId, as.coordinatorA)).body).toMatchObject({
      optedOut: { sms: true },
    });
    expect(await spec.live.directory.contactFor(patientId)).toMatchObject({
      contact: { optedOut: { email: false, sms: true } },
    });
    const stops = await spec.started.app
      .get(MongoEventStore)
      .load(`contact-preferences-${patientId}`);
    expect(stops.at(-1)?.data).toMatchObject({ channel: 'sms', source: 'stop-reply' });
  });

  it('forgets the old number when the mobile changes: a STOP from it reaches no one', async () => {
    const moved = await put(patientId, as.patient, { ...record, mobile: '+12015550177' });
    expect(moved.body).toMatchObject({ changed: true });
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { sms: false },
    });
    await text({ From: '+12015550123', Body: 'STOP' });
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { sms: false },
    });
    await text({ From: '+12015550177', Body: 'QUIT' });
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { sms: true },
    });
  });
});
