import { TodayVisit } from './today-board';
import { attentionReasons, choicesOf, filterVisits, NO_FILTERS } from './visit-filters';

const visit = (change: Partial<TodayVisit>): TodayVisit => ({
  sessionId: 's1',
  appointmentId: 'a1',
  clinicId: 'c1',
  clinicName: 'Albany',
  timeZone: 'America/New_York',
  providerId: 'p1',
  providerName: 'Dr. Ada Quinn',
  patientId: 'pt1',
  scheduledStart: '2026-03-09T14:00:00Z',
  scheduledEnd: '2026-03-09T14:30:00Z',
  state: 'booked',
  openIssues: 0,
  readiness: { ready: true, consent: 'on-record', credential: 'current', missing: [] },
  ...change,
});

describe("the coordinator's filters of today's visits", () => {
  it.each([
    [{ state: 'waiting', waitingMinutes: 11 }, ['waiting 11 min']],
    [{ state: 'waiting', waitingMinutes: 10 }, []],
    [{ state: 'device-check-failed' }, ['device check failed']],
    [{ openIssues: 2 }, ['2 open issues']],
    [
      {
        readiness: {
          ready: false,
          consent: 'missing',
          credential: 'current',
          missing: [{ what: 'consent', ask: 'the patient' }],
        },
      },
      ['not ready'],
    ],
    [{ state: 'ended', openIssues: 1 }, []],
  ] as [Partial<TodayVisit>, string[]][])('%j needs attention for %j', (change, reasons) => {
    expect(attentionReasons(visit(change))).toEqual(reasons);
  });

  it('keeps the visits of the clinic, state, provider and attention chosen', () => {
    const visits = [
      visit({ sessionId: 'a' }),
      visit({ sessionId: 'b', clinicId: 'c2', clinicName: 'Newark' }),
      visit({ sessionId: 'c', state: 'waiting', waitingMinutes: 30, providerId: 'p2' }),
    ];
    const ids = (f: Partial<typeof NO_FILTERS>) =>
      filterVisits(visits, { ...NO_FILTERS, ...f }).map((v) => v.sessionId);
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ clinicId: 'c2' })).toEqual(['b']);
    expect(ids({ state: 'waiting' })).toEqual(['c']);
    expect(ids({ providerId: 'p2' })).toEqual(['c']);
    expect(ids({ needsAttention: true })).toEqual(['c']);
  });

  it('offers the clinics and providers of the board by name, once each', () => {
    const { clinics, providers } = choicesOf([
      visit({ clinicId: 'c2', clinicName: 'Newark' }),
      visit({}),
      visit({}),
    ]);
    expect(clinics).toEqual([
      { id: 'c1', name: 'Albany' },
      { id: 'c2', name: 'Newark' },
    ]);
    expect(providers).toEqual([{ id: 'p1', name: 'Dr. Ada Quinn' }]);
  });
});
