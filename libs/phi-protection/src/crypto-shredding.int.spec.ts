import { MongoEventStore } from '@thc/event-store';
import { TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EncryptedField } from '@thc/contracts';
import { EnvMasterKeyring } from './keys/master-keyring';
import { PatientErasedError, PatientKeyStore } from './keys/patient-key-store';
import { PhiCipher } from './phi-cipher';

interface ReminderRequested {
  appointmentId: string;
  patientId: string;
  minutesBefore: number;
  contact: EncryptedField;
}

const contactOf = (patientId: string) => ({ patientId, record: 'Appointment', field: 'contact' });

describe('crypto-shredding a patient', () => {
  const ns = new TestNamespace('crypto-shredding');
  let store: MongoEventStore;
  let keys: PatientKeyStore;
  let cipher: PhiCipher;

  beforeAll(async () => {
    const connection = await ns.connect('phi');
    store = new MongoEventStore(connection);
    await store.init();
    keys = new PatientKeyStore(
      connection,
      new EnvMasterKeyring(`m1:${randomBytes(32).toString('base64')}`),
    );
    cipher = new PhiCipher(keys);
  });

  afterAll(() => ns.dispose());

  it('keeps the event loadable and its facts usable, but its PHI unreadable, after erasure', async () => {
    const patientId = randomUUID();
    const contact = await cipher.seal(contactOf(patientId), 'jane.doe@example.org');
    const streamId = `appointment-${randomUUID()}`;
    await store.append(streamId, 'noStream', [
      {
        type: 'thc.scheduling.ReminderRequested.v1',
        data: {
          appointmentId: streamId,
          patientId,
          minutesBefore: 60,
          contact,
        } satisfies ReminderRequested,
      },
    ]);
    const raw = await store.model.findOne({ streamId }).lean();
    expect(JSON.stringify(raw)).not.toContain('jane.doe');

    const [before] = await store.load(streamId);
    const sealed = (before!.data as ReminderRequested).contact;
    expect(await cipher.open(contactOf(patientId), sealed)).toEqual({
      readable: true,
      value: 'jane.doe@example.org',
    });

    expect(await keys.erase(patientId, 'privacy-officer-1')).toBe(true);

    const [after] = await store.load(streamId);
    const data = after!.data as ReminderRequested;
    expect(data.minutesBefore).toBe(60);
    expect(await cipher.open(contactOf(patientId), data.contact)).toEqual({
      readable: false,
      reason: 'erased',
    });
    await expect(cipher.seal(contactOf(patientId), 'new@example.org')).rejects.toBeInstanceOf(
      PatientErasedError,
    );
    expect(await keys.erase(patientId, 'privacy-officer-1')).toBe(false);
  });

  it('gives one key to a patient even when first uses race', async () => {
    const patientId = randomUUID();
    const sealed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cipher.seal(contactOf(patientId), `value-${i}`)),
    );
    expect(new Set(sealed.map((s) => s.keyId)).size).toBe(1);
    const opened = await Promise.all(sealed.map((s) => cipher.open(contactOf(patientId), s)));
    expect(opened.map((o) => (o.readable ? o.value : 'erased'))).toEqual(
      sealed.map((_, i) => `value-${i}`),
    );
  });

  it('erasing a patient who has no PHI yet still blocks sealing later', async () => {
    const patientId = randomUUID();
    expect(await keys.erase(patientId, 'privacy-officer-1')).toBe(false);
    await expect(cipher.seal(contactOf(patientId), 'x@example.org')).rejects.toBeInstanceOf(
      PatientErasedError,
    );
  });
});
