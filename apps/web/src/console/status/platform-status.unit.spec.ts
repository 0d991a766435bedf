import { meaningOf, PlatformStatus } from './platform-status';

const base: PlatformStatus = {
  status: 'operational',
  signalsInWindow: 2,
  threshold: 10,
  windowSeconds: 600,
  affectedUpcomingVisits: [],
};

describe('what the platform status means for a coordinator', () => {
  it('says visits work, and how far from an incident the platform is', () => {
    const meaning = meaningOf(base);
    expect(meaning.headline).toContain('working normally');
    expect(meaning.advice[0]).toContain('2 failed joins');
    expect(meaning.advice[0]).toContain('at 10');
    expect(meaningOf({ ...base, signalsInWindow: 1 }).advice[0]).toContain('1 failed join, drop');
  });

  it('during an incident, says it is not one patient and which visits to call ahead', () => {
    const meaning = meaningOf({
      ...base,
      status: 'incident',
      incident: {
        incidentId: 'i',
        raisedAt: '2026-03-09T10:00:00Z',
        lastSignalAt: '2026-03-09T10:05:00Z',
        affectedSessionCount: 7,
      },
      affectedUpcomingVisits: [
        {
          sessionId: 's',
          appointmentId: 'a',
          providerId: 'p',
          scheduledStart: '2026-03-09T11:00:00Z',
        },
      ],
    });
    expect(meaning.headline).toContain('failing');
    expect(meaning.advice.join(' ')).toContain('7 visits have');
    expect(meaning.advice.join(' ')).toContain('Call ahead the 1 visit');
  });
});
