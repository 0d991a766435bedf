import { HISTOGRAMS } from '../domain/histogram';
import { METRICS } from '../domain/metric-definitions';
import { REACH_FIGURES } from '../domain/reach-figures';
import { DEFAULT_MIN_CELL_COUNT, POPULATION } from '../domain/small-cells';

export const METRICS_DOC_PATH = 'docs/metrics.md';

/** docs/metrics.md, generated from the metric definitions in code (a test fails on drift). */
export function renderMetricsDoc(): string {
  const rows = table(
    ['name', 'metric', 'unit', 'definition'],
    METRICS.map((m) => [`\`${m.name}\``, m.title, m.unit, m.definition.replace(/\|/g, '\\|')]),
  );
  const reach = table(
    ['name', 'figure', 'unit', 'definition'],
    REACH_FIGURES.map((f) => [
      `\`${f.name}\``,
      f.title,
      f.unit,
      f.definition.replace(/\|/g, '\\|'),
    ]),
  );
  const bins = table(
    ['histogram', 'upper edges'],
    Object.entries(HISTOGRAMS).map(([name, spec]) => [
      name,
      `${spec.edges.join(', ')}, then open-ended`,
    ]),
  );
  return [
    '# Telehealth program metrics',
    '',
    '<!-- Generated from services/analytics/src/visit-metrics/domain/metric-definitions.ts by',
    '     `node -r @swc-node/register -r tsconfig-paths/register services/analytics/src/visit-metrics/docs/write-metrics-doc.ts`.',
    '     Do not edit by hand. -->',
    '',
    'The analytics service answers these figures by day, ISO week or month, for the whole program',
    'or filtered and split by clinic, provider and visit type (`GET /api/v1/analytics/metrics`,',
    'CSV at `/api/v1/analytics/metrics.csv`, analysts and admins only). Results are aggregates:',
    'they never contain patient identifiers. A ratio whose denominator is zero is `null`.',
    '',
    ...rows,
    '',
    '## How the figures are kept',
    '',
    'Every visit (appointment) has a facts document built from the scheduling and sessions events,',
    'each event applied once by its id. From its facts alone the visit gets a vector of counters',
    '(counts, sums, histogram bins), written under the visit’s id into its day bucket and its month',
    'bucket (clinic × provider × visit type). A query sums the vectors of the buckets in range; a',
    'changed visit replaces its vector, so replays and out-of-order topics give the same numbers.',
    '',
    'Percentiles are read from mergeable histograms (counts per bin), interpolated within the bin,',
    'so they are accurate to the bin width. Bin upper edges:',
    '',
    ...bins,
    '',
    '## Small cells',
    '',
    `A figure made of at least one and fewer than \`ANALYTICS_MIN_CELL_COUNT\` (default ${DEFAULT_MIN_CELL_COUNT})`,
    'visits or survey responses is withheld, so that a cell (say, one provider’s day) cannot show',
    'one patient’s visit or answer: in the API its value is `null` and its name is in the row’s',
    '`suppressed` list; in the CSV it reads `suppressed`; the dashboard shows `suppressed`. The',
    "dashboard's totals over a range add up the periods that are shown and never a withheld one (a",
    'total that counted it would give it away by difference): with some periods withheld a count',
    'reads "≥ n" and a rate "≈ r", and with every period withheld, `suppressed`. A zero is shown.',
    'Figures are counted by:',
    '',
    `- visits in the cell: ${byPopulation('visits')};`,
    `- survey responses in the cell: ${byPopulation('responses')};`,
    `- ended visits with a reminder that reached someone: ${byPopulation('remindedVisits')};`,
    `- ended visits without one: ${byPopulation('notRemindedVisits')};`,
    `- never withheld (schedules and staff, no patient): ${byPopulation('none')}.`,
    '',
    '## Reaching patients',
    '',
    'From the notifications topic (`NotificationSent`, `NotificationFailed`, `NotificationBounced`):',
    'how many messages (reminders, booking confirmations and changes, join links, waitlist offers,',
    '"provider running late", survey invitations) reached the person they were for, per calendar',
    'month (UTC) of a message’s first outcome, for every message or split by the clinic of the',
    'visit it is about (`null` when analytics knows no such visit; shown only to analysts of every',
    'clinic), by kind, or by channel (`GET /api/v1/analytics/reach`, definitions at',
    '`/api/v1/analytics/reach/definitions`). A message is one person and one trigger, with at most',
    'one outcome per channel; a bounce may follow a send. Each event counts once, however often',
    'it is delivered. Each row also counts failures by reason (`no-contact-point`, `no-consent`,',
    '`opted-out`, `channel-not-configured`, `quiet-hours`, `superseded`, `expired`, `erased`,',
    '`retries-exhausted`; codes, never the server’s answer). A row of at least one and fewer than',
    '`ANALYTICS_MIN_CELL_COUNT` messages (channel outcomes, split by channel) is withheld whole.',
    '',
    ...reach,
    '',
    'Whether reminders help is in the metrics table: `attendanceRateReminded` against',
    '`attendanceRateNotReminded`, with the size of each group (`visitsReminded`,',
    '`visitsNotReminded`), by visit date, clinic, provider and visit type like every visit figure.',
    '',
    '## Clinics an analyst sees',
    '',
    'Analysts and admins see the clinics their token grants (its `clinics` claim; `*` is every',
    'clinic of the organization, and a token without the claim grants none). A query for another',
    'clinic (`clinicId`) is refused with 403; without `clinicId`, the rows are those of the granted',
    'clinics and the totals add up those clinics only, never the organization’s (which would give',
    'the others away by difference). The same holds for the CSV and the dashboard, which reads the',
    'API with the analyst’s token. For some clinics, `trainingCompliance` counts the staff the',
    'directory lists in them; for every clinic, everyone training knows. Small cells are withheld',
    'within that scope as above. The projection’s progress',
    '(`GET /api/v1/analytics/projection`) counts events of the whole deployment and holds no',
    'figure per clinic: every analyst sees it.',
    '',
    '## Names',
    '',
    'Rows split by clinic or provider carry the name the directory gives it (`clinicName`,',
    '`providerName`; the CSV has both columns beside the ids), kept from the directory’s',
    '`ClinicRecorded` and `StaffMemberRecorded` records, the latest of each. A clinic the directory',
    'does not list yet is named `Clinic` and the first 8 characters of its id, with `clinicListed:',
    'false` (`providerListed` for providers); the dashboard says which clinics those are.',
    '',
  ].join('\n');
}

function byPopulation(population: (typeof POPULATION)[keyof typeof POPULATION]): string {
  return Object.entries(POPULATION)
    .filter(([, p]) => p === population)
    .map(([name]) => `\`${name}\``)
    .join(', ');
}

/** A Markdown table with padded columns, as the repository's formatter (prettier) lays it out. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
