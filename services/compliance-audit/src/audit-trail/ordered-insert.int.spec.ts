import { TestNamespace } from '@thc/testing';
import { mongo } from 'mongoose';
import { INSERT_CHUNK, insertInOrder } from './ordered-insert';

type Numbered = { _id: number; n: number };

describe('an ordered insert into the trail', () => {
  const ns = new TestNamespace('ordered-insert');
  let collection: mongo.Collection<Numbered>;

  beforeAll(async () => {
    collection = (await ns.connect('inserts')).collection<Numbered>('numbered');
  }, 60_000);

  afterAll(() => ns.dispose(), 60_000);

  beforeEach(() => collection.deleteMany({}));

  const numbered = (from: number, count: number): Numbered[] =>
    Array.from({ length: count }, (_, i) => ({ _id: from + i, n: from + i }));

  it.each([
    ['in the first chunk', 30],
    ['in a later chunk', INSERT_CHUNK + 30],
  ])(
    'stops at a duplicate %s and inserts nothing after it, however long the insert',
    async (_, at) => {
      await collection.insertOne({ _id: at, n: -1 });
      // Longer than FerretDB's internal batches, which go on after a duplicate unless chunked.
      expect(await insertInOrder(collection, numbered(0, 3 * INSERT_CHUNK))).toBe(at);
      const stored = await collection.find({}, { projection: { _id: 1 } }).toArray();
      expect(stored.map((d) => d._id).sort((a, b) => a - b)).toEqual(
        Array.from({ length: at + 1 }, (_, i) => i),
      );
    },
  );

  it('inserts everything when nothing collides', async () => {
    expect(await insertInOrder(collection, numbered(1, 2 * INSERT_CHUNK + 7))).toBe(
      2 * INSERT_CHUNK + 7,
    );
    expect(await collection.countDocuments()).toBe(2 * INSERT_CHUNK + 7);
  });
});
