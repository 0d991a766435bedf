import { calendarInvite, type CalendarInviteInput } from './calendar-invite';

/** A content line read back: name, parameters, raw value (RFC 5545 §3.1). */
interface Property {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

/** Unfolds and splits an iCalendar text; written here, independent of the code under test. */
function parseIcs(text: string): Property[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([A-Z-]+)((?:;[A-Z-]+=(?:"[^"]*"|[^";:]*))*):(.*)$/.exec(line);
      if (!match) throw new Error(`not a content line: ${line}`);
      const params = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/;([A-Z-]+)=("[^"]*"|[^";:]*)/g)].map((param) => [
          param[1],
          (param[2] ?? '').replace(/^"|"$/g, ''),
        ]),
      );
      return { name: match[1] ?? '', params, value: match[3] ?? '' };
    });
}

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character.toLowerCase() === 'n' ? '\n' : character,
  );

function value(properties: Property[], name: string): string | undefined {
  return properties.find((property) => property.name === name)?.value;
}

/** A local time yyyymmddThhmmss read as if it were UTC, in ms. */
function localMs(local: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/.exec(local) ?? [];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

const offsetMs = (offset: string): number => {
  const [, sign, h, m] = /^([+-])(\d\d)(\d\d)$/.exec(offset) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m)) * 60_000;
};

/**
 * The UTC instant a DTSTART/DTEND names, resolved through the VTIMEZONE in the same file: the
 * observance in force is the one whose onset (its DTSTART, in TZOFFSETFROM) came last.
 */
function instantOf(properties: Property[], name: 'DTSTART' | 'DTEND'): string {
  const inEvent = properties.slice(properties.findIndex((p) => p.value === 'VEVENT'));
  const time = inEvent.find((property) => property.name === name);
  if (!time) throw new Error(`no ${name}`);
  const zoneStart = properties.findIndex((p) => p.name === 'BEGIN' && p.value === 'VTIMEZONE');
  const zoneEnd = properties.findIndex((p) => p.name === 'END' && p.value === 'VTIMEZONE');
  const zone = properties.slice(zoneStart, zoneEnd);
  expect(value(zone, 'TZID')).toBe(time.params['TZID']);
  const observances: { onset: number; to: number }[] = [];
  zone.forEach((property, index) => {
    if (property.name !== 'BEGIN' || !['STANDARD', 'DAYLIGHT'].includes(property.value)) return;
    const body = zone.slice(index + 1, index + 6);
    observances.push({
      onset: localMs(value(body, 'DTSTART') ?? '') - offsetMs(value(body, 'TZOFFSETFROM') ?? ''),
      to: offsetMs(value(body, 'TZOFFSETTO') ?? ''),
    });
  });
  const local = localMs(time.value);
  const inForce = (instant: number) =>
    observances.filter((o) => o.onset <= instant).sort((a, b) => b.onset - a.onset)[0];
  const instant = observances
    .map((o) => local - o.to)
    .find((candidate) =>
      observances.some((o) => o === inForce(candidate) && local - o.to === candidate),
    );
  if (instant === undefined) throw new Error(`no observance covers ${time.value}`);
  return new Date(instant).toISOString();
}

const visit = (overrides: Partial<CalendarInviteInput> = {}): CalendarInviteInput => ({
  uid: '5b0f1f7e-8d2c-4c55-9b44-0c6f1d7a9e10@thc',
  sequence: 0,
  method: 'REQUEST',
  start: '2026-03-09T13:00:00.000Z',
  end: '2026-03-09T13:30:00.000Z',
  timeZone: 'America/New_York',
  summary: 'Video visit',
  description: 'Your video visit.',
  stamp: new Date('2026-03-01T12:00:00Z'),
  ...overrides,
});

describe('the calendar entry of a visit', () => {
  test.each([
    ['the day after clocks spring forward', '2026-03-09T13:00:00.000Z', '20260309T090000'],
    ['the day after clocks fall back', '2026-11-02T14:00:00.000Z', '20261102T090000'],
    ['winter, before any change that year', '2026-01-15T14:00:00.000Z', '20260115T090000'],
    ['summer', '2026-07-01T13:00:00.000Z', '20260701T090000'],
  ])('names the same instant as the visit on %s', (_, start, local) => {
    const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    const parsed = parseIcs(calendarInvite(visit({ start, end })));
    const dtstart = parsed.find((p) => p.name === 'DTSTART' && p.params['TZID']);
    expect(dtstart?.value).toBe(local);
    expect(instantOf(parsed, 'DTSTART')).toBe(start);
    expect(instantOf(parsed, 'DTEND')).toBe(end);
  });

  test.each([
    ['Australia/Sydney', '2026-04-06T23:00:00.000Z'],
    ['Australia/Sydney', '2026-10-05T22:00:00.000Z'],
    ['America/Phoenix', '2026-03-09T16:00:00.000Z'],
    ['Europe/London', '2026-03-30T08:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-09T03:30:00.000Z'],
  ])('names the same instant in %s (%s)', (timeZone, start) => {
    const end = new Date(Date.parse(start) + 20 * 60_000).toISOString();
    const parsed = parseIcs(calendarInvite(visit({ start, end, timeZone })));
    expect(instantOf(parsed, 'DTSTART')).toBe(start);
    expect(instantOf(parsed, 'DTEND')).toBe(end);
  });

  it('is one event with its UID, sequence, stamp and text, in a calendar that says its method', () => {
    const text = calendarInvite(
      visit({ sequence: 3, url: 'https://thc.example/join#token', description: 'a, b; c\\d\ne' }),
    );
    const parsed = parseIcs(text);
    expect(parsed[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(parsed.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(value(parsed, 'VERSION')).toBe('2.0');
    expect(value(parsed, 'PRODID')).toMatch(/Telehealth Coordinator/);
    expect(value(parsed, 'METHOD')).toBe('REQUEST');
    expect(parsed.filter((p) => p.name === 'BEGIN' && p.value === 'VEVENT')).toHaveLength(1);
    expect(value(parsed, 'UID')).toBe('5b0f1f7e-8d2c-4c55-9b44-0c6f1d7a9e10@thc');
    expect(value(parsed, 'SEQUENCE')).toBe('3');
    expect(value(parsed, 'DTSTAMP')).toBe('20260301T120000Z');
    expect(value(parsed, 'STATUS')).toBe('CONFIRMED');
    expect(value(parsed, 'URL')).toBe('https://thc.example/join#token');
    expect(unescapeText(value(parsed, 'DESCRIPTION') ?? '')).toBe('a, b; c\\d\ne');
  });

  it('ends every line with CRLF and folds none longer than 75 octets, without cutting a character', () => {
    const description = 'Consulta por teléfono — ñandú, acción; '.repeat(12);
    const text = calendarInvite(
      visit({ description, url: `https://thc.example/${'x'.repeat(200)}` }),
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(unescapeText(value(parseIcs(text), 'DESCRIPTION') ?? '')).toBe(description);
    expect(value(parseIcs(text), 'URL')).toBe(`https://thc.example/${'x'.repeat(200)}`);
  });

  it('removes the entry when cancelled', () => {
    const parsed = parseIcs(calendarInvite(visit({ method: 'CANCEL', sequence: 2 })));
    expect(value(parsed, 'METHOD')).toBe('CANCEL');
    expect(value(parsed, 'STATUS')).toBe('CANCELLED');
    expect(value(parsed, 'SEQUENCE')).toBe('2');
  });

  it('names its organizer when told who sends it', () => {
    const parsed = parseIcs(
      calendarInvite(
        visit({ organizer: { name: 'Telehealth: visits', email: 'no-reply@thc.local' } }),
      ),
    );
    const organizer = parsed.find((p) => p.name === 'ORGANIZER');
    expect(organizer?.params['CN']).toBe('Telehealth: visits');
    expect(organizer?.value).toBe('mailto:no-reply@thc.local');
  });

  it('refuses an unknown zone or a time that is not an instant', () => {
    expect(() => calendarInvite(visit({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => calendarInvite(visit({ start: 'next Tuesday' }))).toThrow(/start/);
  });
});
