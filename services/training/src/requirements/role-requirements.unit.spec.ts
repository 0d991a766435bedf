import {
  CERTIFICATION_SOURCES,
  kindsEarnedBy,
  renewalDaysFor,
  requiredKinds,
  requiredTopics,
  STAFF_ROLES,
} from './role-requirements';

describe('requirements by role', () => {
  it.each(STAFF_ROLES)('%s needs HIPAA and platform use, and so every module topic', (role) => {
    expect(requiredKinds(role)).toEqual(expect.arrayContaining(['hipaa', 'platform-use']));
    expect([...requiredTopics(role)].sort()).toEqual([
      'emergency-protocol',
      'hipaa',
      'platform-use',
      'telehealth-etiquette',
      'troubleshooting',
    ]);
  });

  it('only coordinators need the externally issued CTC, which no module grants', () => {
    expect(STAFF_ROLES.filter((role) => requiredKinds(role).includes('ctc'))).toEqual([
      'coordinator',
    ]);
    expect(CERTIFICATION_SOURCES.ctc.topics).toEqual([]);
  });

  it('each topic counts towards exactly one certification', () => {
    for (const topic of requiredTopics('provider')) expect(kindsEarnedBy(topic)).toHaveLength(1);
  });

  it('renews HIPAA yearly for everyone, and falls back to a year for kinds a role does not need', () => {
    for (const role of STAFF_ROLES) expect(renewalDaysFor(role, 'hipaa')).toBe(365);
    expect(renewalDaysFor('provider', 'ctc')).toBe(365);
  });
});
