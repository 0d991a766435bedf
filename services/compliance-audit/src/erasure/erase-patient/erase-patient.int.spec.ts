import { EnvMasterKeyring, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { bearer, TestNamespace, callService as call } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { useComplianceApp } from '../../testing/compliance-test-app';

const reason = (patientId: string) => ({ patientId, record: 'Appointment', field: 'reason' });

describe("a patient's erasure", () => {
  const ns = new TestNamespace('patient-erasure');
  const under = useComplianceApp(ns, { PHI_KEYS_DB: ns.database('phi_keys') });
  let cipher: PhiCipher;
  let admin: Record<string, string>;
  const adminId = randomUUID();

  beforeAll(async () => {
    // What scheduling and sessions seal with: the same key store, their own master key.
    const keys = new PatientKeyStore(
      await ns.connect('phi_keys'),
      new EnvMasterKeyring(`m1:${randomBytes(32).toString('base64')}`),
    );
    cipher = new PhiCipher(keys);
    admin = await bearer('admin', adminId);
  }, 180_000);

  afterAll(() => {
    delete process.env['PHI_KEYS_DB'];
  });

  const erase = (patientId: string, headers = admin, body: unknown = { requestRef: 'REQ-1' }) =>
    call(under.url, 'POST', `/api/v1/patients/${patientId}/erasure`, headers, body);

  it("shreds the patient's key, records the erasure as an event and in the audit chain", async () => {
    const patientId = randomUUID();
    const sealed = await cipher.seal(reason(patientId), 'Follow-up after chemotherapy');

    const erased = await erase(patientId);
    expect(erased).toMatchObject({
      status: 201,
      body: {
        patientId,
        requestRef: 'REQ-1',
        keyDestroyed: true,
        erasedBy: { kind: 'user', userId: adminId, role: 'admin' },
      },
    });
    expect(await cipher.open(reason(patientId), sealed)).toEqual({
      readable: false,
      reason: 'erased',
    });
    const [event] = await under.store.load(`erasure-${patientId}`);
    expect(event).toMatchObject({ type: 'thc.compliance.PatientErased.v1', data: erased.body });
    expect(await under.trail.entries.findOne({ eventId: event!.id })).toMatchObject({
      action: 'D',
      patientId,
      actor: { kind: 'user', id: adminId, role: 'admin' },
    });
    const verdict = await call(under.url, 'GET', '/api/v1/audit/verify', await bearer('auditor'));
    expect(verdict.body).toMatchObject({ intact: true });

    // Asked again (a retry, a second click): the same erasure, nothing new.
    const again = await erase(patientId, admin, { requestRef: 'REQ-2' });
    expect(again).toMatchObject({ status: 200, body: erased.body as object });
    expect(await under.store.load(`erasure-${patientId}`)).toHaveLength(1);
  });

  it('erases a patient with no PHI sealed yet, so none can be sealed later', async () => {
    const patientId = randomUUID();
    expect(await erase(patientId)).toMatchObject({ status: 201, body: { keyDestroyed: false } });
    await expect(cipher.seal(reason(patientId), 'anything')).rejects.toThrow('erased');
  });

  it('refuses with 409 to erase a patient under legal hold, and the data stays readable', async () => {
    const patientId = randomUUID();
    const sealed = await cipher.seal(reason(patientId), 'Evidence in MATTER-7');
    const hold = await call(under.url, 'PUT', `/api/v1/audit/legal-holds/${patientId}`, admin, {
      matter: 'MATTER-7',
    });
    expect(hold.status).toBe(200);

    const refused = await erase(patientId);
    expect(refused).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: expect.stringContaining('legal hold') },
    });
    expect(await cipher.open(reason(patientId), sealed)).toEqual({
      readable: true,
      value: 'Evidence in MATTER-7',
    });
    expect(await under.store.load(`erasure-${patientId}`)).toEqual([]);

    // Once the matter is closed and the hold released, the erasure goes ahead.
    const released = await call(
      under.url,
      'DELETE',
      `/api/v1/audit/legal-holds/${patientId}`,
      admin,
    );
    expect(released.status).toBe(204);
    expect((await erase(patientId)).status).toBe(201);
  });

  it('is for admins only: no other role, not even the patient, can shred a key', async () => {
    const patientId = randomUUID();
    const sealed = await cipher.seal(reason(patientId), 'kept');
    for (const role of [
      'patient',
      'provider',
      'coordinator',
      'auditor',
      'analyst',
      'trainer',
    ] as const)
      expect({
        role,
        status: (await erase(patientId, await bearer(role, patientId))).status,
      }).toEqual({ role, status: 403 });
    expect((await erase(patientId, {})).status).toBe(401);
    expect(await cipher.open(reason(patientId), sealed)).toMatchObject({ readable: true });
  });

  it.each([
    ['a missing request reference', {}, 'requestRef'],
    ['a reference with PHI-like free text', { requestRef: 'Jane Doe, DOB 1970' }, 'requestRef'],
    ['an extra field', { requestRef: 'REQ-1', keyDestroyed: false }, 'keyDestroyed'],
  ])('answers %s with 400 naming the field, and erases nothing', async (_, body, field) => {
    const patientId = randomUUID();
    const sealed = await cipher.seal(reason(patientId), 'kept');
    const refused = await erase(patientId, admin, body);
    expect(refused.status).toBe(400);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.text).toContain(field);
    expect(await cipher.open(reason(patientId), sealed)).toMatchObject({ readable: true });
    expect(await under.store.load(`erasure-${patientId}`)).toEqual([]);
  });

  it('refuses a patient id that is not a UUID', async () => {
    expect((await erase('not-a-uuid')).status).toBe(400);
  });
});
