import type { ReportRow } from './report-row';
import { toCsv } from './audit-csv';

const row: ReportRow = {
  seq: 1,
  occurredAt: '2026-03-09T13:05:00Z',
  action: 'R',
  actorId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  actorName: 'Dr. Adaeze Okafor',
  role: 'provider',
  resourceType: 'Encounter',
  service: 'sessions',
  outcome: '0',
  eventType: 'thc.compliance.PhiAccessed.v1',
  eventId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  hash: 'a'.repeat(64),
};

const cellsOf = (csv: string) => {
  const [header = '', line = ''] = csv.split('\r\n');
  const columns = header.split(',');
  const cells = line.split(',');
  return (column: string) => cells[columns.indexOf(column)];
};

describe('the audit CSV', () => {
  it('names the staff member beside their id', () => {
    const csv = toCsv([row]);
    expect(csv.split('\r\n')[0]).toMatch(/^seq,occurredAt,action,actorId,actorName,role,/);
    expect(cellsOf(csv)('actorName')).toBe('Dr. Adaeze Okafor');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'])(
    'writes a name a spreadsheet would run as a formula (%s) as text',
    (name) => {
      const cell = cellsOf(toCsv([{ ...row, actorName: name.replace(/"/g, '') }]))('actorName');
      expect(cell).toBe(`'${name.replace(/"/g, '')}`);
    },
  );
});
