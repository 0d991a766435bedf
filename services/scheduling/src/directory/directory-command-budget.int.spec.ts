import { getConnectionToken } from '@nestjs/mongoose';
import { bearer, CommandBudget, CommandCounter, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DIRECTORY_READER, DirectoryReader } from './directory.port';
import { healthSystemBundle } from './testing/directory-bundle';
import { send } from './testing/directory-client';
import { useDirectoryApp } from './testing/directory-testbed';

/**
 * Database commands (round trips) per directory use case on a warm instance. Every read is an
 * `_id` lookup or an `$in` on `_id`; a record decides on its view and appends without loading
 * its stream.
 */
const budget = new CommandBudget({
  // The staff view twice (the admin's scope covers the clinics they leave, then the decision),
  // the organization, the clinics ($in), the event, the view, then each clinic's and each
  // language's list stated again (two clinics, two languages for an interpreter or none).
  'record a changed staff member': 10,
  // The same lookups, and nothing written.
  'record an unchanged staff member': 4,
  'read a staff member': 1,
  "list a clinic's staff": 3,
  'interpreters of a language': 2,
  // Eight records: three batched lookups, then each record's own; nothing written.
  're-import an unchanged bundle of eight records': 21,
} as const);

describe('database commands per directory use case', () => {
  const t = useDirectoryApp(new TestNamespace('directory-commands'), bearer, {
    relay: false,
    recorded: true,
  });
  const { clinicNy, providerId, interpreterId } = t.system;
  let counter: CommandCounter;

  beforeAll(() => {
    counter = CommandCounter.attach(t.app.get<Connection>(getConnectionToken()).getClient());
  });

  afterAll(() => {
    budget.report();
    counter?.detach();
  });

  const putStaff = (body: object) => t.put(`staff/${providerId}`, body);

  it('record a changed staff member', async () => {
    const renamed = { ...t.system.staff[providerId], name: { family: 'Okafor', given: ['Ada'] } };
    const { result, usage } = await counter.measure(() => putStaff(renamed));
    expect(result.body).toMatchObject({ changed: true });
    budget.check('record a changed staff member', usage);
  });

  it('record an unchanged staff member', async () => {
    const renamed = { ...t.system.staff[providerId], name: { family: 'Okafor', given: ['Ada'] } };
    const { result, usage } = await counter.measure(() => putStaff(renamed));
    expect(result.body).toMatchObject({ changed: false });
    budget.check('record an unchanged staff member', usage);
  });

  it('read a staff member', async () => {
    const { result, usage } = await counter.measure(() => t.get(`staff/${interpreterId}`));
    expect(result.status).toBe(200);
    budget.check('read a staff member', usage);
  });

  it("list a clinic's staff", async () => {
    const { result, usage } = await counter.measure(() => t.get(`staff?clinicId=${clinicNy}`));
    expect(result.body).toHaveLength(2);
    budget.check("list a clinic's staff", usage);
  });

  it('interpreters of a language', async () => {
    const reader = t.app.get<DirectoryReader>(DIRECTORY_READER);
    const { result, usage } = await counter.measure(() => reader.interpreters('es'));
    expect(result).toHaveLength(1);
    budget.check('interpreters of a language', usage);
  });

  it('re-import an unchanged bundle of eight records', async () => {
    const { bundle } = healthSystemBundle();
    const systemAdmin = await bearer('admin', randomUUID());
    const importing = () => send(t.url, 'POST', '/api/v1/directory/import', systemAdmin, bundle);
    expect((await importing()).body).toMatchObject({ recorded: 8 });
    const { result, usage } = await counter.measure(importing);
    expect(result.body).toMatchObject({ unchanged: 8 });
    budget.check('re-import an unchanged bundle of eight records', usage);
  });
});
