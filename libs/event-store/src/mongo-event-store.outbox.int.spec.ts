import { TestNamespace } from '@thc/testing';
import { MongoEventStore } from './mongo-event-store';

const booked = (n: number) => ({ type: 'thc.test.Booked.v1', data: { n } });
const AT = new Date('2025-06-01T12:00:00Z');

describe('the outbox the relay reads', () => {
  const ns = new TestNamespace('es-outbox');
  let store: MongoEventStore;

  beforeAll(async () => {
    store = new MongoEventStore(await ns.connect('events'), { now: () => AT });
    await store.init();
  });

  afterAll(() => ns.dispose());

  it('yields pending events in stream order, then forgets them once marked published', async () => {
    await store.append('b', 'noStream', [booked(1)]);
    await store.append('a', 'noStream', [booked(1), booked(2)]);
    await store.append('b', 1, [booked(2)]);

    const pending = await store.readPending();
    expect(pending.map((e) => `${e.streamId}${e.version}`)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(pending[0]).toMatchObject({
      type: 'thc.test.Booked.v1',
      data: { n: 1 },
      recordedAt: AT,
    });

    await store.markPublished(pending.slice(0, 3).map((e) => e.id));
    expect((await store.readPending()).map((e) => `${e.streamId}${e.version}`)).toEqual(['b2']);
    const published = await store.model.findById(pending[0]!.id).lean();
    expect(published?.pending).toBeUndefined();
    expect(published?.publishedAt).toEqual(AT);
    await store.markPublished((await store.readPending()).map((e) => e.id));
  });

  it('never splits an append across relay passes, even one larger than a pass', async () => {
    await store.append('c', 'noStream', [booked(1)]);
    await store.append('d', 'noStream', [booked(1), booked(2), booked(3)]);
    const passes: string[][] = [];
    for (let pass = 0; pass < 3; pass++) {
      const events = await store.readPending(2);
      passes.push(events.map((e) => `${e.streamId}${e.version}`));
      await store.markPublished(events.map((e) => e.id));
    }
    expect(passes).toEqual([['c1'], ['d1', 'd2', 'd3'], []]);
  });
});
