import { TOPICS } from '@thc/contracts';
import { PatientKeyStore } from '@thc/phi-protection';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { contactsSpec, RECORD as record } from '../testing/contacts-spec';

describe("a patient's erasure", () => {
  const spec = contactsSpec(new TestNamespace('notif-erasure'));
  const { patientId, put, get, as } = spec;

  it("forgets the patient's and their caregiver's contact points, and no other's", async () => {
    const { db, directory } = spec.live;
    expect((await put(patientId, as.patient, record)).status).toBe(200);
    const erasedId = randomUUID();
    const helperId = randomUUID();
    const own = await bearer('patient', erasedId);
    await spec.booked(erasedId, spec.clinicA);
    expect((await put(erasedId, own, { ...record, mobile: '+12015550166' })).status).toBe(200);
    await eventually(async () =>
      expect(
        (await put(helperId, as.coordinatorA, { ...record, patientId: erasedId })).status,
      ).toBe(200),
    );

    // Compliance erases the key first: every seal is unreadable at once.
    await spec.started.app.get(PatientKeyStore).erase(erasedId, 'test');
    expect(await directory.contactFor(erasedId)).toEqual({ found: false, reason: 'erased' });
    expect((await get(erasedId, own)).status).toBe(410);
    expect((await put(erasedId, own, record)).status).toBe(410);

    await spec.publish(TOPICS.compliance, {
      type: 'thc.compliance.PatientErased.v1',
      source: '/thc/compliance-audit',
      subject: `erasure-${erasedId}`,
      data: {
        erasureId: randomUUID(),
        patientId: erasedId,
        requestRef: 'ERASURE-1',
        keyDestroyed: true,
        erasedAt: new Date().toISOString(),
        erasedBy: { kind: 'user', userId: randomUUID(), role: 'admin' },
      },
    });
    const views = db.collection('contact_points');
    // The patient's index of people goes last: once it is gone, so is the rest.
    await eventually(async () =>
      expect(
        await db.collection('contact_people_of_patient').findOne({ _id: erasedId as never }),
      ).toBeNull(),
    );
    expect(await views.countDocuments({ _id: { $in: [erasedId, helperId] } as never })).toBe(0);
    // No lookup names them any more: a STOP from the number reaches no one.
    const entries = await db.collection('contact_mobile_lookup').find({}).toArray();
    const named = entries.flatMap((entry) => entry['personIds'] as string[]);
    expect(named).not.toContain(erasedId);
    expect(named).not.toContain(helperId);
    expect(await directory.contactFor(erasedId)).toEqual({ found: false, reason: 'none' });
    expect(await directory.contactFor(helperId)).toEqual({ found: false, reason: 'none' });
    expect((await get(erasedId, own)).status).toBe(410);
    // Another patient's contact points stay.
    expect(await directory.contactFor(patientId)).toMatchObject({ found: true });
  });
});
