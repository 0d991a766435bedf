import type { StaffStatusDocument } from '../infrastructure/staff-status.projection';
import { teamCompliance } from './team-compliance';

const member = (
  _id: string,
  credential: StaffStatusDocument['credential'],
  dueAt = '2031-02-01T00:00:00Z',
): StaffStatusDocument => ({
  _id,
  version: 3,
  teamId: 't',
  role: 'provider',
  credential,
  certifications: [],
  passedModuleIds: [],
  assignments: [
    {
      assignmentId: 'a',
      moduleId: 'm',
      moduleCode: 'HIPAA',
      moduleVersion: 1,
      reason: 'role-requirement',
      dueAt,
      status: 'open',
      overdue: false,
    },
  ],
});

describe('team compliance', () => {
  const now = new Date('2031-01-15T00:00:00Z');

  it('counts a credential current only while its validity is ahead, and due dates passed as overdue', () => {
    const view = teamCompliance(
      't',
      [
        member('a', {
          status: 'current',
          validUntil: '2032-01-01T00:00:00Z',
          certificationIds: ['c'],
        }),
        member('b', {
          status: 'current',
          validUntil: '2031-01-14T00:00:00Z',
          certificationIds: ['c'],
        }),
        member('c', { status: 'lapsed' }, '2031-01-01T00:00:00Z'),
      ],
      now,
    );
    expect(view).toMatchObject({ staff: 3, credentialed: 1, compliancePercent: 33.3 });
    expect(view.members.map((m) => [m.staffId, m.current, m.overdueAssignments])).toEqual([
      ['a', true, 0],
      ['b', false, 0],
      ['c', false, 1],
    ]);
  });

  it('is fully compliant with nobody to train', () =>
    expect(teamCompliance('t', [], now).compliancePercent).toBe(100));
});
