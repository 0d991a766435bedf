import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { ConcurrencyError } from './concurrency.error';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import { MongoEventStore } from './mongo-event-store';
import { ExpectedVersion } from './stored-event';

const booked = (n: number) => ({ type: 'thc.test.Booked.v1', data: { n } });

describe('MongoEventStore.append', () => {
  const ns = new TestNamespace('es-append');
  let connection: Connection;
  let store: MongoEventStore;

  beforeAll(async () => {
    connection = await ns.connect('events');
    store = new MongoEventStore(connection);
    await store.init();
  });

  afterAll(() => ns.dispose());

  const streamWith = async (events: number): Promise<string> => {
    const streamId = `stream-${randomUUID()}`;
    if (events > 0) {
      await store.append(
        streamId,
        'noStream',
        Array.from({ length: events }, (_, i) => booked(i + 1)),
      );
    }
    return streamId;
  };

  // A store that remembers nothing: what another instance of the service would see.
  const freshStore = () => new MongoEventStore(connection);

  test.each<[string, number, ExpectedVersion, 'appends' | 'conflicts']>([
    ['any on a new stream', 0, 'any', 'appends'],
    ['any on an existing stream', 2, 'any', 'appends'],
    ['noStream on a new stream', 0, 'noStream', 'appends'],
    ['noStream on an existing stream', 2, 'noStream', 'conflicts'],
    ['exists on an existing stream', 2, 'exists', 'appends'],
    ['exists on a new stream', 0, 'exists', 'conflicts'],
    ['the current version', 2, 2, 'appends'],
    ['0 on a new stream', 0, 0, 'appends'],
    ['a stale version', 2, 1, 'conflicts'],
    ['a version past the head', 2, 3, 'conflicts'],
  ])('%s %s', async (_name, existing, expected, outcome) => {
    const streamId = await streamWith(existing);
    for (const writer of [store, freshStore()]) {
      const id = `${streamId}-${writer === store ? 'known' : 'fresh'}`;
      if (existing > 0)
        await writer.append(
          id,
          'noStream',
          Array.from({ length: existing }, (_, i) => booked(i + 1)),
        );
      const append = writer.append(id, expected, [booked(99)]);
      if (outcome === 'appends') {
        await expect(append).resolves.toMatchObject({ nextExpectedVersion: existing + 1 });
        expect((await writer.load(id)).map((e) => e.version)).toEqual(
          Array.from({ length: existing + 1 }, (_, i) => i + 1),
        );
      } else {
        await expect(append).rejects.toMatchObject({ name: 'ConcurrencyError', actual: existing });
        expect(await writer.currentVersion(id)).toBe(existing);
      }
    }
  });

  it('lets exactly one of 20 writers on separate connections win the same version', async () => {
    const streamId = await streamWith(3);
    const writers = await Promise.all(
      Array.from({ length: 20 }, async () => new MongoEventStore(await ns.connect('events'))),
    );
    const outcomes = await Promise.allSettled(
      writers.map((writer, w) => writer.append(streamId, 3, [booked(100 + w), booked(200 + w)])),
    );

    const winners = outcomes.flatMap((o, w) => (o.status === 'fulfilled' ? [w] : []));
    const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    losers.forEach((error) => expect(error).toBeInstanceOf(ConcurrencyError));
    const tail = (await store.load(streamId)).slice(3).map((e) => e.data);
    expect(tail).toEqual([{ n: 100 + winners[0]! }, { n: 200 + winners[0]! }]);
  });

  it('never fails an append that expects any version, however many race', async () => {
    const streamId = await streamWith(0);
    const writers = await Promise.all(
      Array.from({ length: 10 }, async () => new MongoEventStore(await ns.connect('events'))),
    );
    const outcomes = await Promise.allSettled(
      writers.map((writer, w) => writer.append(streamId, 'any', [booked(w)])),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const events = await store.load(streamId);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(events.map((e) => (e.data as { n: number }).n)).size).toBe(10);
  });

  it('reports an event id that is already stored, and writes nothing of that append', async () => {
    const streamId = await streamWith(0);
    const id = randomUUID();
    await store.append(streamId, 'noStream', [{ ...booked(1), id }]);
    await expect(
      store.append(streamId, 1, [booked(2), { ...booked(3), id }]),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.currentVersion(streamId)).toBe(1);
    expect(await store.model.countDocuments({ streamId })).toBe(1);
  });

  it('refuses one event id twice in the same append', async () => {
    const streamId = await streamWith(0);
    const id = randomUUID();
    await expect(
      store.append(streamId, 'noStream', [
        { ...booked(1), id },
        { ...booked(2), id },
      ]),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.currentVersion(streamId)).toBe(0);
  });

  it('stores who and what caused an event', async () => {
    const streamId = await streamWith(0);
    const metadata = {
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: 'coordinator-7',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    await store.append(streamId, 'noStream', [{ ...booked(1), metadata }]);
    const [event] = await freshStore().load(streamId);
    expect(event!.metadata).toEqual(metadata);
  });

  it('refuses an expected version that is not a whole number', async () => {
    await expect(store.append('s', -1, [booked(1)])).rejects.toBeInstanceOf(RangeError);
  });
});
