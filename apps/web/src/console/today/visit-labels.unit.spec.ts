import { boardQuery, dayBounds } from './today-board';
import { readinessText, shortId, stateLabel, timeIn } from './visit-labels';

describe('how the console words a visit', () => {
  it('names every state in words', () => {
    expect(stateLabel('device-check-failed')).toEqual({
      label: 'Device check failed',
      tone: 'bad',
    });
    expect(stateLabel('something-new').label).toBe('something-new');
  });

  it("shows a time on the clinic's clock", () => {
    expect(timeIn('2026-03-09T14:00:00Z', 'America/New_York', 'en-US')).toBe('10:00 AM');
    expect(timeIn('2026-03-09T14:00:00Z', 'America/Los_Angeles', 'en-US')).toBe('7:00 AM');
  });

  it('shortens an id for reading', () => {
    expect(shortId('3f1e6f0c-4a0b-4c55-9d0e-2b7a1f6c9a10')).toBe('3f1e6f0c…');
  });

  it('says what is missing and whom to ask', () => {
    expect(
      readinessText({
        ready: false,
        consent: 'missing',
        credential: 'expired',
        missing: [
          { what: 'No telehealth consent on record', ask: 'Ask the patient to consent' },
          { what: "Dr. Quinn's telehealth credential expired", ask: 'Ask the training team' },
        ],
      }),
    ).toBe(
      "No telehealth consent on record: Ask the patient to consent; Dr. Quinn's telehealth credential expired: Ask the training team",
    );
    expect(
      readinessText({ ready: true, consent: 'on-record', credential: 'current', missing: [] }),
    ).toBe('Ready');
  });

  it("asks for the coordinator's whole local day", () => {
    const { from, to } = dayBounds(new Date(2026, 2, 9, 15, 42));
    expect(new Date(from)).toEqual(new Date(2026, 2, 9));
    expect(new Date(to)).toEqual(new Date(2026, 2, 10));
    expect(boardQuery({ from, to }, 'c1')).toBe(
      `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&clinicId=c1`,
    );
  });
});
