import { eventDefinition, TOPICS } from '@thc/contracts';
import { PhiCipher } from '@thc/phi-protection';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { contactsPath, contactsSpec, RECORD as record } from '../testing/contacts-spec';

const STAFF_RECORDED = eventDefinition('thc.scheduling.StaffMemberRecorded.v1')!;

/** What scheduling says of patients and staff: who reaches their records, their language. */
type Headers = Record<string, string>;

describe("the patient facts learnt from scheduling's events", () => {
  const spec = contactsSpec(new TestNamespace('notif-patient-facts'));
  let coordinatorA: Headers;
  let coordinatorB: Headers;
  const put = (personId: string, who: Headers, body: unknown) =>
    callService(spec.started.url, 'PUT', contactsPath(personId), who, body);

  beforeAll(async () => {
    coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [spec.clinicA] });
    coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
  });

  it("lets the coordinators of a staff member's clinics record their contact points, under their own key", async () => {
    const interpreterId = randomUUID();
    await spec.publish(TOPICS.scheduling, {
      type: STAFF_RECORDED.type,
      source: '/thc/scheduling',
      subject: `staff-member-${interpreterId}`,
      data: { ...STAFF_RECORDED.example, staffId: interpreterId, clinicIds: [spec.clinicA] },
    });
    await eventually(async () =>
      expect(
        await spec.live.db.collection('patient_clinics').findOne({ _id: interpreterId as never }),
      ).toMatchObject({ clinicIds: [spec.clinicA] }),
    );
    const interpreter = {
      email: 'interpreter@example.org',
      timeZone: 'America/New_York',
      consent: { byEmail: true, bySms: false },
    };
    expect((await put(interpreterId, coordinatorB, interpreter)).status).toBe(403);
    expect((await put(interpreterId, coordinatorA, interpreter)).status).toBe(200);
    expect(await spec.live.directory.contactFor(interpreterId)).toMatchObject({
      found: true,
      contact: { patientId: interpreterId, email: 'interpreter@example.org' },
    });
  });

  it("writes to a patient without a language of their own in their scheduling profile's", async () => {
    const other = randomUUID();
    const sealed = await spec.started.app
      .get(PhiCipher)
      .seal({ patientId: other, record: 'Patient', field: 'preferred-language' }, 'vi');
    await spec.publish(TOPICS.scheduling, {
      type: 'thc.scheduling.PatientProfileRecorded.v1',
      source: '/thc/scheduling',
      subject: `patient-profile-${other}`,
      data: {
        patientId: other,
        preferredLanguage: sealed,
        stateOfResidence: 'CA',
        recordedAt: new Date().toISOString(),
        recordedBy: { kind: 'user', userId: other, role: 'patient' },
      },
    });
    await eventually(async () =>
      expect(await spec.live.directory.contactFor(other)).toEqual({
        found: false,
        reason: 'none',
        language: 'vi',
      }),
    );
    const own = await bearer('patient', other);
    const { preferredLanguage: _, ...noLanguage } = record;
    expect((await put(other, own, { ...noLanguage, mobile: '+12015550188' })).status).toBe(200);
    expect(await spec.live.directory.contactFor(other)).toMatchObject({
      found: true,
      contact: { language: 'vi', mobile: '+12015550188' },
    });
  });
});
