/** A query string the metrics API must refuse with 400, and why it is hostile. */
export interface HostileQuery {
  readonly label: string;
  readonly query: string;
}

const VALID = 'from=2026-03-01&to=2026-03-31';
const UUID = '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06';

/**
 * Query strings an analyst client (or an attacker with an analyst token) might send: operator
 * injection in brackets, wrong types and formats for every parameter, unknown parameters,
 * oversized ranges and pages, repeated parameters. Each must get 400 and change nothing.
 */
export function hostileMetricQueries(): HostileQuery[] {
  const perField: [string, string[]][] = [
    [
      'from',
      [
        '',
        'yesterday',
        '2026-13-01',
        '2026-02-30',
        '2026-03-01T00:00:00Z',
        '20260301',
        '2026-3-1',
        '%00',
        '<script>',
        "2026-03-01' OR 1=1",
      ],
    ],
    ['to', ['', 'tomorrow', '2026-00-10', '2026-04-31', '2026-03-31T23:59:59Z', '9999999999']],
    ['groupBy', ['year', 'DAY', '', 'day;drop', '$where']],
    ['by', ['patient', 'patientId', 'clinicId', '', 'clinic,provider']],
    ['clinicId', ['not-a-uuid', `${UUID}x`, '42', '', '*']],
    ['providerId', ['not-a-uuid', '{"$ne":null}', `${UUID}'`]],
    ['visitType', ['in-person', 'VIDEO', '', '.*']],
    [
      'metrics',
      [
        '',
        'patientIds',
        'scheduled,patientIds',
        'scheduled,,completed',
        '__proto__',
        'constructor',
      ],
    ],
    ['page', ['0', '-1', '1.5', 'one', '1e400', '100001']],
    ['pageSize', ['0', '1001', '-5', 'ten', '1e3x']],
  ];
  const hostile: HostileQuery[] = perField.flatMap(([field, values]) =>
    values.map((value) => ({
      label: `${field}=${value}`,
      query: `${
        field === 'from' || field === 'to'
          ? VALID.split('&')
              .filter((p) => !p.startsWith(`${field}=`))
              .join('&')
          : VALID
      }&${field}=${encodeURIComponent(value)}`,
    })),
  );
  const operators = ['$gt', '$ne', '$regex', '$where', '$in'].flatMap((op) => [
    { label: `from[${op}]`, query: `from[${op}]=2026&to=2026-03-31` },
    { label: `clinicId[${op}]`, query: `${VALID}&clinicId[${op}]=x` },
  ]);
  const whole: HostileQuery[] = [
    { label: 'missing from', query: 'to=2026-03-31' },
    { label: 'missing to', query: 'from=2026-03-01' },
    { label: 'no parameters', query: '' },
    { label: 'to before from', query: 'from=2026-03-31&to=2026-03-01' },
    { label: 'range over three years', query: 'from=2020-01-01&to=2026-03-31' },
    { label: 'unknown parameter', query: `${VALID}&patientId=${UUID}` },
    { label: 'mass assignment', query: `${VALID}&role=admin` },
    { label: 'repeated from', query: `${VALID}&from=2026-03-02` },
    { label: '__proto__ parameter', query: `${VALID}&__proto__[isAdmin]=true` },
    { label: 'dotted parameter', query: `${VALID}&values.scheduled=1` },
    { label: 'array clinicId', query: `${VALID}&clinicId[]=${UUID}` },
  ];
  return [...hostile, ...operators, ...whole];
}
