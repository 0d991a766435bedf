import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  RECORD_CONTACT_PREFERENCES_EXAMPLE as example,
  RecordContactPreferencesDto,
} from './contact-preferences.dto';

// As the global ValidationPipe checks a body: transform, then whitelist and refuse the rest.
async function check(body: object) {
  const dto = plainToInstance(RecordContactPreferencesDto, body);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  const names = errors.flatMap((error) =>
    error.children?.length
      ? error.children.map((child) => `${error.property}.${child.property}`)
      : [error.property],
  );
  return { dto, names };
}

describe('the contact preferences body', () => {
  it('takes the documented example as it is', async () => {
    const { dto, names } = await check(example);
    expect(names).toEqual([]);
    expect(dto).toMatchObject(example);
  });

  it.each([
    ['+1 (201) 555-0123', '+12015550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0033 6.12.34.56.78', '+33612345678'],
  ])('keeps the mobile %j as %j', async (mobile, e164) => {
    const { dto, names } = await check({ ...example, mobile });
    expect(names).toEqual([]);
    expect(dto.mobile).toBe(e164);
  });

  it.each(['201-555-0123', '+0 201 555 0123', '+1 201 555 0123 ext 4', '+1234', '12015550123'])(
    'refuses the mobile %j, naming it',
    async (mobile) => expect((await check({ ...example, mobile })).names).toEqual(['mobile']),
  );

  it('canonicalises the time zone and the language', async () => {
    const { dto, names } = await check({
      ...example,
      timeZone: 'america/new_york',
      preferredLanguage: 'ES-mx',
    });
    expect(names).toEqual([]);
    expect(dto).toMatchObject({ timeZone: 'America/New_York', preferredLanguage: 'es-MX' });
  });

  it.each([['Mars/Olympus_Mons'], ['EST'], ['+05:00'], ['']])(
    'refuses the time zone %j',
    async (timeZone) => expect((await check({ ...example, timeZone })).names).toEqual(['timeZone']),
  );

  it.each([
    [{ start: '21:00', end: '08:00' }, []],
    [{ start: '00:00', end: '23:59' }, []],
    [{ start: '24:00', end: '08:00' }, ['quietHours.start']],
    [{ start: '9:00', end: '08:00' }, ['quietHours.start']],
    [{ start: '21:00', end: '8pm' }, ['quietHours.end']],
    [{ start: '21:00', end: '21:00' }, ['quietHours.end']],
    [{ start: '21:00' }, ['quietHours.end']],
    [{ start: '21:00', end: '08:00', days: 'weekdays' }, ['quietHours.days']],
  ])('quiet hours %j: invalid %j', async (quietHours, invalid) =>
    expect((await check({ ...example, quietHours })).names).toEqual(invalid),
  );

  it('refuses null where a field may only be absent', async () =>
    expect((await check({ ...example, email: null })).names).toEqual(['email']));

  it.each([
    [{ ...example, email: 'not-an-address' }, 'email'],
    [{ ...example, preferredLanguage: 'Spanish!' }, 'preferredLanguage'],
    [{ ...example, consent: { byEmail: true } }, 'consent.bySms'],
    [{ ...example, consent: undefined }, 'consent'],
    [{ ...example, patientId: 'patient-7' }, 'patientId'],
    [{ ...example, name: 'Ana' }, 'name'],
  ])('refuses %j naming %s', async (body, field) =>
    expect((await check(body)).names).toContain(field),
  );

  it('takes a record with no contact point at all (consent to nothing yet)', async () => {
    const { names } = await check({
      timeZone: 'Europe/London',
      consent: { byEmail: false, bySms: false },
    });
    expect(names).toEqual([]);
  });
});
