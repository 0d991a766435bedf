import { staffDisplayName } from './staff-display-name';

describe('a staff member’s name as people read it', () => {
  it('says a staff member’s name with prefix, given names and family name', () => {
    expect(staffDisplayName({ family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] })).toBe(
      'Dr. Adaeze Okafor',
    );
    expect(staffDisplayName({ family: 'Lee', given: ['Ana', 'Maria'] })).toBe('Ana Maria Lee');
  });
});
