/** A request body an API must refuse with 400, and why it is hostile. */
export interface HostileBody {
  readonly label: string;
  readonly body: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Values that no field may take, whatever its type: operators, wrong shapes, prototype tricks. */
const ANY_FIELD: readonly [string, unknown][] = [
  ['operator $gt', { $gt: '' }],
  ['operator $ne', { $ne: null }],
  ['operator $where', { $where: 'sleep(1000)' }],
  ['operator $regex', { $regex: '.*' }],
  ['operator $in', { $in: ['a', 'b'] }],
  ['nested object', { nested: { deeper: true } }],
  ['null', null],
  ['array', ['x']],
];

function typedMutations(valid: unknown): [string, unknown][] {
  if (typeof valid === 'number') {
    return [
      ['string for number', 'ten'],
      ['boolean for number', true],
      ['huge number', 1e300],
    ];
  }
  if (typeof valid === 'boolean')
    return [
      ['string for boolean', 'yes'],
      ['number for boolean', 1],
    ];
  if (typeof valid !== 'string') return [['string for object', 'x']];
  if (UUID.test(valid)) {
    return [
      ['malformed uuid', 'not-a-uuid'],
      ['uuid with suffix', `${valid}x`],
      ['number for uuid', 42],
    ];
  }
  if (DATE_TIME.test(valid)) {
    return [
      ['date without zone', valid.replace(/(Z|[+-]\d{2}:\d{2})$/, '')],
      ['impossible date', '2026-13-45T25:61:00Z'],
      ['not a date', 'tomorrow'],
    ];
  }
  return [
    ['number for string', 12345],
    ['boolean for string', false],
  ];
}

/**
 * At least 50 hostile variants of a valid body: every field replaced by operator objects,
 * wrong types and shapes; extra fields (mass assignment), prototype pollution, operator and
 * dotted keys at the top level, and bodies that are not objects at all.
 */
export function hostileBodies(valid: Readonly<Record<string, unknown>>): HostileBody[] {
  const perField = Object.entries(valid).flatMap(([field, value]) =>
    [...ANY_FIELD, ...typedMutations(value)].map(([label, replacement]) => ({
      label: `${field}: ${label}`,
      body: { ...valid, [field]: replacement },
    })),
  );
  const whole: HostileBody[] = [
    { label: 'extra field (mass assignment)', body: { ...valid, role: 'admin' } },
    { label: 'extra id field', body: { ...valid, _id: 'forced-id' } },
    { label: 'top-level $where', body: { ...valid, $where: '1 == 1' } },
    { label: 'top-level $set', body: { ...valid, $set: { role: 'admin' } } },
    { label: 'dotted key', body: { ...valid, 'profile.role': 'admin' } },
    {
      label: '__proto__ pollution',
      body: JSON.parse(
        `{"__proto__": {"isAdmin": true}, ${JSON.stringify(valid).slice(1)}`,
      ) as unknown,
    },
    {
      label: 'constructor pollution',
      body: { ...valid, constructor: { prototype: { isAdmin: true } } },
    },
    { label: 'empty object', body: {} },
    { label: 'array body', body: [valid] },
    { label: 'string body', body: 'hello' },
    { label: 'number body', body: 42 },
    { label: 'null body', body: null },
  ];
  return [...perField, ...whole];
}
