import { coalesceEffects, mergeUpdates } from './coalesce-effects';
import { EffectOfEvent, EffectUpdate } from './effect';

const effect = (doc: string, eventId: string, update: EffectUpdate): EffectOfEvent => ({
  filter: { _id: doc },
  update,
  eventId,
});

describe('merging the effects of a batch into fewer writes', () => {
  it.each<[string, EffectUpdate, EffectUpdate, EffectUpdate]>([
    ['adds increments', { $inc: { n: 1, m: 2 } }, { $inc: { n: 3 } }, { $inc: { n: 4, m: 2 } }],
    [
      'keeps the later $set',
      { $set: { s: 'a' } },
      { $set: { s: 'b', t: 1 } },
      { $set: { s: 'b', t: 1 } },
    ],
    [
      'keeps the first $setOnInsert',
      { $setOnInsert: { c: 1 } },
      { $setOnInsert: { c: 2 } },
      { $setOnInsert: { c: 1 } },
    ],
    [
      'keeps the larger $max and the smaller $min',
      { $max: { hi: 3 }, $min: { lo: 3 } },
      { $max: { hi: 5 }, $min: { lo: 5 } },
      { $max: { hi: 5 }, $min: { lo: 3 } },
    ],
    [
      'concatenates pushes in order',
      { $push: { xs: 1 } },
      { $push: { xs: { $each: [2, 3] } } },
      { $push: { xs: { $each: [1, 2, 3] } } },
    ],
    [
      'combines different operators on different fields',
      { $inc: { n: 1 } },
      { $set: { s: 'x' } },
      { $inc: { n: 1 }, $set: { s: 'x' } },
    ],
  ])('%s', (_, earlier, later, merged) => {
    expect(mergeUpdates(earlier, later)).toEqual(merged);
  });

  it.each<[string, EffectUpdate, EffectUpdate]>([
    ['two operators on one field', { $inc: { n: 1 } }, { $set: { n: 0 } }],
    ['a field and its parent', { $set: { a: {} } }, { $inc: { 'a.b': 1 } }],
    ['an operator whose effect depends on order', { $mul: { n: 2 } }, { $inc: { n: 1 } }],
    ['a push with $slice', { $push: { xs: { $each: [1], $slice: -2 } } }, { $push: { xs: 2 } }],
    ['$inc of a non-number', { $inc: { n: 1 } }, { $inc: { n: 'x' } }],
  ])('does not merge %s', (_, earlier, later) => {
    expect(mergeUpdates(earlier, later)).toBeUndefined();
  });

  it('never merges an effect whose filter has a precondition, nor anything across it', () => {
    const conditional: EffectOfEvent = {
      filter: { _id: 'a', asOf: { $lte: 5 } },
      update: { $inc: { n: 1 } },
      eventId: 'e2',
    };
    const groups = coalesceEffects(
      [effect('a', 'e1', { $inc: { n: 1 } }), conditional, effect('a', 'e3', { $inc: { n: 1 } })],
      10,
    );
    expect(groups.map((g) => g.parts.map((p) => p.eventId))).toEqual([['e1'], ['e2'], ['e3']]);
  });

  it('groups per document, keeping each document in order, up to a group size', () => {
    const groups = coalesceEffects(
      [
        effect('a', 'e1', { $inc: { n: 1 } }),
        effect('b', 'e2', { $inc: { n: 1 } }),
        effect('a', 'e3', { $inc: { n: 1 } }),
        effect('a', 'e4', { $set: { n: 0 } }),
        effect('a', 'e5', { $inc: { m: 1 } }),
        effect('a', 'e6', { $inc: { m: 1 } }),
      ],
      2,
    );
    expect(groups.map((g) => [g.filter._id, g.parts.map((p) => p.eventId), g.update])).toEqual([
      ['a', ['e1', 'e3'], { $inc: { n: 2 } }],
      ['b', ['e2'], { $inc: { n: 1 } }],
      ['a', ['e4', 'e5'], { $set: { n: 0 }, $inc: { m: 1 } }],
      ['a', ['e6'], { $inc: { m: 1 } }],
    ]);
  });
});
