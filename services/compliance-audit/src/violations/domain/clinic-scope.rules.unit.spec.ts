import { judgeClinicScope, ScopedRead } from './clinic-scope.rules';

const [clinicA, clinicB] = [
  '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  '8f1b2d4e-6a3c-4b7d-9f2e-1c4a6b8d3f07',
];
const read: ScopedRead = {
  eventId: '1c3e5a7d-8b2f-4f4a-9a7c-2e4a6c8e1a18',
  actorId: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  role: 'coordinator',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  at: '2026-03-10T14:00:00Z',
};

describe('PHI access outside the clinic', () => {
  it('a coordinator of a clinic the patient has a visit in breaks nothing', () => {
    expect(judgeClinicScope(read, [clinicB, clinicA], [clinicA])).toEqual([]);
  });

  it.each(['coordinator', 'trainer', 'auditor', 'analyst', 'admin'])(
    'flags a %s none of whose clinics the patient has a visit in',
    (role) => {
      expect(judgeClinicScope({ ...read, role }, [clinicB], [clinicA])).toEqual([
        {
          rule: 'phi-access-outside-clinic',
          severity: 'high',
          actorId: read.actorId,
          patientId: read.patientId,
          evidenceEventIds: [read.eventId],
        },
      ]);
    },
  );

  it('flags a staff member the directory lists in no clinic at all', () => {
    expect(judgeClinicScope(read, [], [clinicA])).toHaveLength(1);
  });

  it('leaves providers to the care rules and patients to themselves', () => {
    expect(judgeClinicScope({ ...read, role: 'provider' }, [clinicB], [clinicA])).toEqual([]);
    expect(
      judgeClinicScope({ ...read, role: 'patient', actorId: read.patientId }, [], [clinicA]),
    ).toEqual([]);
  });

  it('judges only on what is known: a reader not in the directory, a patient with no visit seen', () => {
    expect(judgeClinicScope(read, undefined, [clinicA])).toEqual([]);
    expect(judgeClinicScope(read, [clinicB], [])).toEqual([]);
  });
});
