import { TestNamespace } from '@thc/testing';
import { Connection, mongo } from 'mongoose';

/**
 * patches/sqlite-indexed-conditions-push-down.patch sends conditions on indexed fields to SQLite
 * as WHERE terms that must keep every document MongoDB would match. Each query below is compared
 * with the result MongoDB's rules give on a collection that has an index on every field queried,
 * and explain must show the index in use. Against a real MongoDB the same results hold and the
 * plan is an IXSCAN.
 */
describe('conditions on indexed fields: MongoDB results, served from the index', () => {
  const ns = new TestNamespace('ferretdb-pushdown');
  let connection: Connection;
  let events: mongo.Collection;

  const at = (iso: string) => new Date(iso);

  const documents: mongo.Document[] = [
    {
      _id: 'a1',
      streamId: 's-1',
      version: 1,
      tags: ['red', 'blue'],
      flag: true,
      kind: '1',
      at: at('2024-06-01T10:00:00Z'),
      data: { x: 'p' },
      name: 'café',
      n: 0,
    },
    {
      _id: 'a2',
      streamId: 's-1',
      version: 2,
      tags: 'red',
      flag: 'true',
      kind: 1,
      at: at('2024-06-02T10:00:00Z'),
      data: [{ x: 'q' }, { x: 'p' }],
      name: 'a<b&c>',
      n: -0,
    },
    {
      _id: 'a3',
      streamId: 's-2',
      version: 1,
      tags: [],
      flag: false,
      kind: 1.5,
      at: at('2001-01-01T00:00:00Z'),
      data: { x: ['r', 'p'] },
      name: 'say "hi"',
      n: new mongo.Double(0),
    },
    {
      _id: 'a4',
      streamId: ['s-1', 's-3'],
      version: 3,
      flag: null,
      kind: '1 ',
      at: [at('2023-01-01T00:00:00Z'), at('2024-06-01T12:00:00Z')],
      data: { y: 1 },
      name: 'line\nbreak',
    },
    {
      _id: 'a5',
      version: 4,
      kind: null,
      at: '2024-06-01T10:00:00Z',
      data: 'p',
      name: 'back\\slash',
    },
    {
      _id: 'a6',
      streamId: 's-1',
      version: 5,
      kind: new mongo.Double(1),
      at: at('2300-01-01T00:00:00Z'),
      data: { x: 'P' },
      name: '日本',
    },
    {
      _id: 'a7',
      streamId: 'S-1',
      version: 1,
      tags: ['blue'],
      kind: mongo.Long.fromNumber(1),
      at: at('1970-01-01T00:00:00.005Z'),
      data: { x: { x: 'p' } },
      name: 'cafe',
    },
    {
      _id: 'a8',
      streamId: 's-10',
      version: 1,
      flag: 'TRUE',
      kind: 'true',
      at: at('2024-05-31T23:59:59.999Z'),
      data: [{ y: 'p' }],
      name: 'café ',
    },
  ];

  const indexes: Record<string, 1>[] = [
    { streamId: 1, version: 1 },
    { tags: 1 },
    { flag: 1 },
    { kind: 1 },
    { at: 1 },
    { 'data.x': 1 },
    { name: 1 },
    { n: 1 },
  ];

  async function seeded(name: string): Promise<mongo.Collection> {
    const collection = connection.db!.collection(name);
    for (const key of indexes)
      await collection.createIndex(key, 'streamId' in key ? { unique: true } : {});
    await collection.insertMany(documents.map((d) => ({ ...d })));
    return collection;
  }

  async function ids(filter: mongo.Filter<mongo.Document>): Promise<string[]> {
    const found = await events.find(filter).toArray();
    return found.map((d) => String(d._id)).sort();
  }

  beforeAll(async () => {
    connection = await ns.connect('pushdown');
    events = await seeded('events');
  });

  afterAll(() => ns.dispose());

  const cases: [string, mongo.Filter<mongo.Document>, string[]][] = [
    // arrays holding the value match too
    [
      'a stream, one document holding it in an array',
      { streamId: 's-1' },
      ['a1', 'a2', 'a4', 'a6'],
    ],
    ['a tag, as an element or the value itself', { tags: 'red' }, ['a1', 'a2']],
    ['$in over streams', { streamId: { $in: ['s-2', 's-3'] } }, ['a3', 'a4']],
    ['a stream from a version on', { streamId: 's-1', version: { $gte: 2 } }, ['a2', 'a4', 'a6']],
    ['a stream nobody has', { streamId: 's-4' }, []],
    ['a case-different stream id', { streamId: 'S-1' }, ['a7']],
    // missing and null
    ['null: null or missing', { flag: null }, ['a4', 'a5', 'a6', 'a7']],
    ['$exists: false', { streamId: { $exists: false } }, ['a5']],
    // mixed types
    ['the string "1" is not the number 1', { kind: '1' }, ['a1']],
    ['the number 1 as int32, double and int64', { kind: 1 }, ['a2', 'a6', 'a7']],
    ['a double', { kind: 1.5 }, ['a3']],
    ['$in over a string and a number', { kind: { $in: [1, '1'] } }, ['a1', 'a2', 'a6', 'a7']],
    ['true is not "true"', { flag: true }, ['a1']],
    ['"true" is not true nor "TRUE"', { flag: 'true' }, ['a2']],
    ['no boolean true among strings', { kind: true }, []],
    ['0 matches -0 and the double 0', { n: 0 }, ['a1', 'a2', 'a3']],
    // dates
    [
      'a day, one date of an array inside it',
      { at: { $gte: at('2024-06-01T00:00:00Z'), $lt: at('2024-06-02T00:00:00Z') } },
      ['a1', 'a4'],
    ],
    [
      'exclusive lower and inclusive upper bounds',
      { at: { $gt: at('2024-06-01T10:00:00Z'), $lte: at('2024-06-02T10:00:00Z') } },
      ['a2', 'a4'],
    ],
    [
      'a one-sided range reaches dates after 2286',
      { at: { $gte: at('2024-01-01T00:00:00Z') } },
      ['a1', 'a2', 'a4', 'a6', 'a8'],
    ],
    ['dates before 2001 and 1970', { at: { $lt: at('2002-01-01T00:00:00Z') } }, ['a3', 'a7']],
    [
      'a range starting before 2001',
      { at: { $gte: at('2000-01-01T00:00:00Z'), $lt: at('2024-06-01T11:00:00Z') } },
      ['a1', 'a3', 'a4', 'a8'],
    ],
    [
      'a range ending after 2286',
      { at: { $gte: at('2024-06-01T00:00:00Z'), $lt: at('2400-01-01T00:00:00Z') } },
      ['a1', 'a2', 'a4', 'a6'],
    ],
    ['one date, not its string', { at: at('2024-06-01T10:00:00Z') }, ['a1']],
    // dotted paths, through documents and arrays of documents
    ['a dotted path', { 'data.x': 'p' }, ['a1', 'a2', 'a3']],
    ['$in over a dotted path', { 'data.x': { $in: ['q', 'P'] } }, ['a2', 'a6']],
    ['a dotted path to a number', { 'data.y': 1 }, ['a4']],
    // strings with characters JSON escapes, and non-ASCII ones
    ['accented', { name: 'café' }, ['a1']],
    ['<, & and >', { name: 'a<b&c>' }, ['a2']],
    ['double quotes', { name: 'say "hi"' }, ['a3']],
    ['a line break', { name: 'line\nbreak' }, ['a4']],
    ['a backslash', { name: 'back\\slash' }, ['a5']],
    ['CJK', { name: '日本' }, ['a6']],
    [
      '$in over all kinds of strings',
      { name: { $in: ['café', 'a<b&c>', '日本'] } },
      ['a1', 'a2', 'a6'],
    ],
    // conditions that are not pushed down still combine with those that are
    ['with $ne', { streamId: 's-1', flag: { $ne: true } }, ['a2', 'a4', 'a6']],
    ['$or', { $or: [{ streamId: 's-2' }, { kind: '1' }] }, ['a1', 'a3']],
    ['a regex', { streamId: { $regex: '^s-1' } }, ['a1', 'a2', 'a4', 'a6', 'a8']],
  ];

  it.each(cases)('find: %s', async (_title, filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it('find sorts a stream by version either way', async () => {
    const up = await events.find({ streamId: 's-1' }).sort({ version: 1 }).toArray();
    const down = await events.find({ streamId: 's-1' }).sort({ version: -1 }).toArray();
    expect(up.map((d) => d._id)).toEqual(['a1', 'a2', 'a4', 'a6']);
    expect(down.map((d) => d._id)).toEqual(['a6', 'a4', 'a2', 'a1']);
  });

  it('count, distinct and a leading $match give the same documents', async () => {
    expect(await events.countDocuments({ streamId: 's-1' })).toBe(4);
    expect((await events.distinct('version', { streamId: 's-1' })).sort()).toEqual([1, 2, 3, 5]);
    const matched = await events
      .aggregate([{ $match: { 'data.x': 'p' } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(matched.map((d) => d._id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('update, findOneAndUpdate and delete find every document they should', async () => {
    const writes = await seeded('writes');
    const updated = await writes.updateMany({ tags: 'blue' }, { $set: { seen: true } });
    expect(updated.matchedCount).toBe(2);
    const before = await writes.findOneAndUpdate({ streamId: 's-3' }, { $set: { seen: true } });
    expect(before?._id).toBe('a4');
    expect((await writes.find({ seen: true }).toArray()).map((d) => d._id).sort()).toEqual([
      'a1',
      'a4',
      'a7',
    ]);
    expect((await writes.deleteMany({ kind: 1 })).deletedCount).toBe(3);
    expect((await writes.deleteMany({ 'data.x': 'p' })).deletedCount).toBe(2);
    expect((await writes.find().toArray()).map((d) => d._id).sort()).toEqual(['a4', 'a5', 'a8']);
  });

  it('gives the same results as the same filter evaluated on every document', async () => {
    // A filter inside $and reaches no index on any server, so the server reads every document
    // and applies its own rules: the indexed read must return exactly the same documents.
    const values: unknown[] = [
      's-1',
      'S-1',
      's-3',
      'red',
      'p',
      'q',
      '1',
      1,
      1.5,
      0,
      -0,
      true,
      'true',
      null,
      'café',
      'a<b&c>',
      at('2024-06-01T10:00:00Z'),
      at('2300-01-01T00:00:00Z'),
    ];
    const fields = ['streamId', 'tags', 'flag', 'kind', 'at', 'data.x', 'name', 'n'];
    for (const field of fields) {
      for (const [i, value] of values.entries()) {
        for (const filter of [
          { [field]: value },
          { [field]: { $in: [value, values[(i + 5) % values.length]] } },
        ]) {
          const scanned = (await events.find({ $and: [filter] }).toArray())
            .map((d) => String(d._id))
            .sort();
          expect({ filter, found: await ids(filter) }).toEqual({ filter, found: scanned });
        }
      }
    }
  });

  describe('explain', () => {
    /** FerretDB reports SQLite's query plan and its own filterPushdown; MongoDB a winningPlan. */
    function plan(explained: mongo.Document): { ferretdb: boolean; pushed: boolean; text: string } {
      const ferretdb = 'filterPushdown' in explained;
      const text = ferretdb
        ? (explained['queryPlanner']['Plan'] as string[]).join('\n')
        : JSON.stringify(explained);
      return { ferretdb, pushed: ferretdb ? explained['filterPushdown'] === true : true, text };
    }

    const uses: [string, string, mongo.Filter<mongo.Document>][] = [
      ['a stream', 'streamId_1_version_1', { streamId: 's-1' }],
      ['a stream and versions', 'streamId_1_version_1', { streamId: 's-1', version: { $gte: 2 } }],
      ['$in', 'kind_1', { kind: { $in: [1, '1'] } }],
      ['a dotted path', 'data.x_1', { 'data.x': 'p' }],
      [
        'a date range',
        'at_1',
        { at: { $gte: at('2024-06-01T00:00:00Z'), $lt: at('2024-06-02T00:00:00Z') } },
      ],
      ['a string with escapes beside a plain one', 'tags_1', { name: 'a<b&c>', tags: 'red' }],
    ];

    it.each(uses)('find on %s searches index %s', async (_title, index, filter) => {
      const { ferretdb, pushed, text } = plan(await events.find(filter).explain());
      if (ferretdb) {
        if (!pushed)
          throw new Error(
            'this FerretDB does not push conditions on indexed fields down: restart it with the ' +
              'patched build (bash infra/local/infra.sh down ferretdb, then up ferretdb)',
          );
        expect(text).toContain('USING INDEX');
        expect(text).toContain(`_${index} (`);
        expect(text).not.toMatch(/\bSCAN\b/);
      } else {
        expect(text).toContain('IXSCAN');
        expect(text).toContain(`"${index}"`);
      }
    });

    it('a leading $match of an aggregation searches the index', async () => {
      const explained = await events
        .aggregate([{ $match: { streamId: 's-1' } }, { $sort: { version: 1 } }])
        .explain();
      const { ferretdb, text } = plan(explained);
      expect(text).toContain(ferretdb ? 'USING INDEX' : 'IXSCAN');
    });

    it('a filter with nothing to push down scans and says so', async () => {
      const { ferretdb, pushed, text } = plan(await events.find({ flag: { $ne: true } }).explain());
      if (!ferretdb) return;
      expect(pushed).toBe(false);
      expect(text).toMatch(/\bSCAN\b/);
    });
  });
});
