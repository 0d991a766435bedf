import { validateEvent } from '@thc/contracts';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { contactsPath, contactsSpec, RECORD as record } from '../testing/contacts-spec';

type Headers = Record<string, string>;

describe('opting out of a channel', () => {
  const spec = contactsSpec(new TestNamespace('notif-opt-out'), { watch: true });
  const { patientId, put, get, as } = spec;
  const optOut = (personId: string, who: Headers, body: unknown) =>
    callService(spec.started.url, 'POST', `${contactsPath(personId)}/opt-out`, who, body);

  beforeAll(async () => {
    expect((await put(patientId, as.patient, record)).status).toBe(200);
  });

  it('is taken from the patient and published valid, source patient', async () => {
    const left = await optOut(patientId, as.patient, { channel: 'email' });
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ personId: patientId, channel: 'email', version: 2, changed: true });
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { email: true, sms: false },
    });
    const published = await eventually(async () => {
      const event = spec.published.find((each) => each.type.endsWith('ChannelOptedOut.v1'));
      expect(event).toBeDefined();
      return event!;
    });
    expect(validateEvent(published.type, published.data)).toBeUndefined();
    expect(published.data).toMatchObject({
      personId: patientId,
      channel: 'email',
      source: 'patient',
    });
  });

  it('is taken once: the same opt-out again changes nothing', async () => {
    const again = await optOut(patientId, as.patient, { channel: 'email' });
    expect(again.body).toMatchObject({ channel: 'email', version: 2, changed: false });
  });

  it("is taken from the clinic's coordinator as staff, and refused to another clinic's", async () => {
    expect((await optOut(patientId, as.coordinatorB, { channel: 'sms' })).status).toBe(403);
    const left = await optOut(patientId, as.coordinatorA, { channel: 'sms' });
    expect(left.body).toMatchObject({ channel: 'sms', changed: true });
    await eventually(async () =>
      expect(spec.published.map((event) => event.data['source'])).toContain('staff'),
    );
  });

  it('refuses an unknown channel naming it, and a person with no record', async () => {
    const bad = await optOut(patientId, as.patient, { channel: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.text).toContain('channel');
    const nobody = randomUUID();
    expect((await optOut(nobody, await bearer('patient', nobody), { channel: 'sms' })).status).toBe(
      404,
    );
  });

  it('is lifted when consent to the channel is stated again', async () => {
    const again = await put(patientId, as.patient, record);
    expect(again.body).toMatchObject({ changed: true });
    expect((await get(patientId, as.patient)).body).toMatchObject({
      optedOut: { email: false, sms: false },
    });
  });
});
