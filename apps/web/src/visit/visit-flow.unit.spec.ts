import { PageProgress, stageOf, VisitFacts } from './visit-flow';

const FRESH: PageProgress = { consentGiven: false, consentDeclined: false, surveyAnswered: false };
const PATIENT: VisitFacts = {
  role: 'patient',
  state: 'scheduled',
  surveyed: false,
  consentOnRecord: false,
};

describe('the visit page screen for where the holder stands', () => {
  it.each<[string, Partial<VisitFacts>, Partial<PageProgress>, string]>([
    ['a patient without consent is asked for it', {}, {}, 'consent'],
    [
      'a patient who does not agree is told how to be seen in person',
      {},
      { consentDeclined: true },
      'declined',
    ],
    ['a patient who agreed checks their device', {}, { consentGiven: true }, 'check'],
    [
      'a patient with consent on record checks their device',
      { consentOnRecord: true },
      {},
      'check',
    ],
    ['a waiting patient follows the waiting room', { state: 'waiting' }, {}, 'live'],
    ['an admitted patient is in the visit', { state: 'admitted' }, {}, 'live'],
    ['a patient whose visit ended answers the survey', { state: 'ended' }, {}, 'survey'],
    ['a patient who answered is thanked', { state: 'ended' }, { surveyAnswered: true }, 'thanks'],
    ['a patient who answered before is thanked', { state: 'ended', surveyed: true }, {}, 'thanks'],
    [
      'an interpreter is never asked for consent',
      { role: 'interpreter', consentOnRecord: true },
      {},
      'check',
    ],
    ['a caregiver answers no survey', { role: 'caregiver', state: 'ended' }, {}, 'thanks'],
  ])('%s', (_, facts, progress, expected) => {
    expect(stageOf({ ...PATIENT, ...facts }, { ...FRESH, ...progress })).toBe(expected);
  });
});
