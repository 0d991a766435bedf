import { placeOfTimeZone, wordedTime } from './worded-time';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('a time as the recipient reads it', () => {
  it('reads in English on their clock, the zone named by its place', () => {
    expect(wordedTime('2026-03-10T13:00:00Z', 'America/New_York', 'en', NOW)).toBe(
      'Tuesday, March 10 at 9:00 AM (New York time)',
    );
  });

  it('reads in Spanish, "a la" for one o’clock and "a las" otherwise', () => {
    expect(wordedTime('2026-03-10T13:00:00Z', 'America/New_York', 'es', NOW)).toBe(
      'martes, 10 de marzo a las 9:00 a.m. (hora de New York)',
    );
    expect(wordedTime('2026-03-10T17:05:00Z', 'America/New_York', 'es', NOW)).toBe(
      'martes, 10 de marzo a la 1:05 p.m. (hora de New York)',
    );
  });

  it('names the day of their own zone when it differs from UTC', () => {
    expect(wordedTime('2026-03-11T02:00:00Z', 'America/Los_Angeles', 'en', NOW)).toBe(
      'Tuesday, March 10 at 7:00 PM (Los Angeles time)',
    );
  });

  it('gives the year only when it is not the current one', () => {
    expect(wordedTime('2027-01-05T14:00:00Z', 'America/Chicago', 'en', NOW)).toBe(
      'Tuesday, January 5, 2027 at 8:00 AM (Chicago time)',
    );
    expect(wordedTime('2027-01-05T14:00:00Z', 'America/Chicago', 'es', NOW)).toBe(
      'martes, 5 de enero de 2027 a las 8:00 a.m. (hora de Chicago)',
    );
  });

  it('uses plain spaces only', () => {
    expect(wordedTime('2026-03-10T13:00:00Z', 'America/New_York', 'en', NOW)).not.toMatch(
      /[\u00a0\u202f\u2009]/,
    );
  });

  it('names a zone by its place', () => {
    expect(placeOfTimeZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(placeOfTimeZone('UTC')).toBe('UTC');
  });
});
