import { TestNamespace } from '@thc/testing';
import { Connection, Schema } from 'mongoose';
import { applyOnce, applyOnceBulk } from './apply-once';

describe('effects applied once per event', () => {
  const ns = new TestNamespace('apply-once');
  let connection: Connection;

  beforeAll(async () => {
    connection = await ns.connect('projections');
  });

  afterAll(() => ns.dispose());

  it('applies an event once: a redelivery finds its id beside the effect and changes nothing', async () => {
    const tallies = connection.collection('tallies');
    const first = await applyOnce(tallies, { _id: 'day-1' }, { $inc: { booked: 1 } }, 'event-1');
    const again = await applyOnce(tallies, { _id: 'day-1' }, { $inc: { booked: 1 } }, 'event-1');
    const other = await applyOnce(tallies, { _id: 'day-1' }, { $inc: { booked: 1 } }, 'event-2');
    expect([first, again, other]).toEqual([true, false, true]);
    expect(await tallies.findOne({ _id: 'day-1' as never })).toEqual({
      _id: 'day-1',
      booked: 2,
      applied: ['event-1', 'event-2'],
    });
  });

  it('guards through a mongoose model whose strict schema does not know the guard field', async () => {
    const Tally = connection.model(
      'Tally',
      new Schema({ _id: String, booked: Number }, { strict: true }),
      'model_tallies',
    );
    await applyOnce(Tally, { _id: 'day-1' }, { $inc: { booked: 1 } }, 'event-1');
    await applyOnce(Tally, { _id: 'day-1' }, { $inc: { booked: 1 } }, 'event-1');
    expect(await Tally.collection.findOne({ _id: 'day-1' as never })).toMatchObject({
      booked: 1,
      applied: ['event-1'],
    });
  });

  it('keeps the newest ids only, where the server supports $slice (MongoDB; FerretDB 1.24 keeps all)', async () => {
    const tallies = connection.collection('bounded');
    for (const id of ['e1', 'e2', 'e3', 'e4'])
      await applyOnce(tallies, { _id: 'd' }, { $inc: { n: 1 } }, id, { keep: 2 });
    const build = await connection.db?.admin().command({ buildInfo: 1 });
    const ferret = build?.['ferretdbVersion'] !== undefined;
    expect((await tallies.findOne({ _id: 'd' as never }))?.['applied']).toEqual(
      ferret ? ['e1', 'e2', 'e3', 'e4'] : ['e3', 'e4'],
    );
  });

  it('applies a batch in order in one bulk write, skipping events already applied even mid-batch', async () => {
    const tallies = connection.collection('bulk');
    await applyOnce(tallies, { _id: 'a' }, { $inc: { n: 1 }, $push: { seen: 'e2' } }, 'e2');
    const effect = (doc: string, id: string) => ({
      filter: { _id: doc },
      update: { $inc: { n: 1 }, $push: { seen: id } },
      eventId: id,
    });
    await applyOnceBulk(tallies, [
      effect('a', 'e1'),
      effect('a', 'e2'),
      effect('a', 'e3'),
      effect('b', 'e4'),
    ]);
    expect(await tallies.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', n: 3, seen: ['e2', 'e1', 'e3'], applied: ['e2', 'e1', 'e3'] },
      { _id: 'b', n: 1, seen: ['e4'], applied: ['e4'] },
    ]);
  });

  it('treats a filter condition as a precondition: a document that fails it is left alone', async () => {
    const states = connection.collection('states');
    const at = (day: number, eventId: string) =>
      applyOnce(
        states,
        { _id: 'staff-1', asOf: { $lte: day } },
        { $set: { asOf: day, status: `as of ${day}` } },
        eventId,
      );
    expect([await at(5, 'e5'), await at(3, 'e3'), await at(7, 'e7')]).toEqual([true, false, true]);
    expect(await states.findOne({ _id: 'staff-1' as never })).toMatchObject({
      asOf: 7,
      applied: ['e5', 'e7'],
    });
  });

  it('refuses an effect that writes the guard field itself', async () => {
    await expect(
      applyOnce(connection.collection('x'), { _id: 'a' }, { $push: { applied: 'oops' } }, 'e1'),
    ).rejects.toThrow('idempotency guard');
  });
});
