import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { consumed } from '../visit-metrics/testing/consumed';
import { DirectoryNamesCollections } from './directory-names.collections';
import { DirectoryNamesProjection } from './directory-names.projection';
import { DirectoryNamesReader } from './directory-names.reader';
import { clinicRecorded, providerRecorded } from './testing/directory-events';

describe('directory names in analytics', () => {
  const ns = new TestNamespace('analytics-directory-names');
  let connection: Connection;
  let projection: DirectoryNamesProjection;
  let reader: DirectoryNamesReader;

  beforeAll(async () => {
    connection = await ns.connect('analytics');
    const store = new DirectoryNamesCollections(connection.db!);
    projection = new DirectoryNamesProjection(store);
    reader = new DirectoryNamesReader(store);
  });

  afterAll(() => ns.dispose());

  it('names a clinic by its latest record, whatever order the records arrive in, and twice is once', async () => {
    const clinicId = randomUUID();
    const renamed = consumed(clinicRecorded(clinicId, 'Harbor Clinic', '2026-03-01T00:00:00Z'));
    const first = consumed(clinicRecorded(clinicId, 'Old Harbor', '2026-02-01T00:00:00Z'));
    for (const event of [renamed, first, renamed, first]) await projection.apply(event);
    const label = (await reader.clinics([clinicId])).get(clinicId);
    expect(label).toEqual({ name: 'Harbor Clinic', listed: true, staffIds: [] });
  });

  it('names a clinic it has not seen by the start of its id, and says it is not listed', async () => {
    const clinicId = randomUUID();
    expect((await reader.clinics([clinicId])).get(clinicId)).toEqual({
      name: `Clinic ${clinicId.slice(0, 8)}`,
      listed: false,
      staffIds: [],
    });
  });

  it('keeps each clinic’s roster as staff move between clinics, and leaves a name already kept alone', async () => {
    const [a, b, staffId] = [randomUUID(), randomUUID(), randomUUID()];
    const name = { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] };
    await projection.apply(consumed(clinicRecorded(a, 'Clinic North')));
    const inA = consumed(providerRecorded(staffId, name, [a], '2026-02-01T00:00:00Z'));
    const movedToB = consumed(providerRecorded(staffId, name, [b], '2026-03-01T00:00:00Z'));
    for (const event of [inA, movedToB, inA, movedToB]) await projection.apply(event);
    const clinics = await reader.clinics([a, b]);
    expect(clinics.get(a)).toEqual({ name: 'Clinic North', listed: true, staffIds: [] });
    expect(clinics.get(b)?.staffIds).toEqual([staffId]);
    // A clinic's record arriving after its roster was started keeps the roster.
    await projection.apply(consumed(clinicRecorded(b, 'Clinic South')));
    expect((await reader.clinics([b])).get(b)).toEqual({
      name: 'Clinic South',
      listed: true,
      staffIds: [staffId],
    });
    expect((await reader.providers([staffId])).get(staffId)).toEqual({
      name: 'Dr. Adaeze Okafor',
      listed: true,
    });
  });
});
