import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { ConcurrencyError } from '../concurrency.error';
import { MongoEventStore } from '../mongo-event-store';
import { MongoSnapshotStore } from '../snapshots/mongo-snapshot-store';
import { AggregateRepository } from './aggregate-repository';
import { Decider, DomainEvent } from './decider';

// A tiny decider for the repository's tests: a session with a fixed number of seats.
type SeatCommand = { readonly type: 'ReserveSeats'; readonly seats: number };
type SeatEvent = DomainEvent<'thc.test.SeatsReserved.v1', { readonly seats: number }>;
interface SeatState {
  readonly reserved: number;
}

class SessionFull extends Error {
  override readonly name = 'SessionFull';
}

const seatDecider = (capacity: number): Decider<SeatState, SeatCommand, SeatEvent> => ({
  initialState: () => ({ reserved: 0 }),
  decide: (command, state) => {
    if (state.reserved + command.seats > capacity)
      throw new SessionFull(`${state.reserved} of ${capacity} taken`);
    return [{ type: 'thc.test.SeatsReserved.v1', data: { seats: command.seats } }];
  },
  evolve: (state, event) => ({ reserved: state.reserved + event.data.seats }),
});

const reserve = (seats: number) => ({ type: 'ReserveSeats', seats }) as const;

describe('AggregateRepository', () => {
  const ns = new TestNamespace('es-repository');
  let connection: Connection;
  let store: MongoEventStore;
  let snapshots: MongoSnapshotStore;

  beforeAll(async () => {
    connection = await ns.connect('events');
    store = new MongoEventStore(connection);
    snapshots = new MongoSnapshotStore(connection);
    await store.init();
  });

  afterAll(() => ns.dispose());

  /** The event store as seen by a writer that another writer overtakes right after its first load. */
  const overtakenOnce = (streamId: string) => {
    let overtaken = false;
    const other = new MongoEventStore(connection);
    return {
      append: store.append.bind(store),
      load: async (id: string, from?: number) => {
        const events = await store.load(id, from);
        if (!overtaken) {
          overtaken = true;
          await other.append(streamId, 'any', [
            { type: 'thc.test.SeatsReserved.v1', data: { seats: 1 } },
          ]);
        }
        return events;
      },
    };
  };

  it('decides from the stream and appends, carrying the metadata', async () => {
    const streamId = `session-${randomUUID()}`;
    const repository = new AggregateRepository(store, seatDecider(10));
    await repository.handle(streamId, reserve(2));
    const result = await repository.handle(streamId, reserve(3), {
      metadata: { actor: 'coordinator-1', correlationId: 'c-1' },
    });

    expect(result).toMatchObject({ state: { reserved: 5 }, version: 2 });
    expect(result.stored[0]!.metadata).toMatchObject({
      actor: 'coordinator-1',
      correlationId: 'c-1',
    });
    expect(await repository.load(streamId)).toEqual({ state: { reserved: 5 }, version: 2 });
  });

  it('passes a domain error through and stores nothing', async () => {
    const streamId = `session-${randomUUID()}`;
    const repository = new AggregateRepository(store, seatDecider(2));
    await expect(repository.handle(streamId, reserve(3))).rejects.toBeInstanceOf(SessionFull);
    expect(await store.currentVersion(streamId)).toBe(0);
  });

  it('fails on a concurrent change when no retry is allowed', async () => {
    const streamId = `session-${randomUUID()}`;
    const repository = new AggregateRepository(overtakenOnce(streamId), seatDecider(10));
    await expect(repository.handle(streamId, reserve(2))).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('reloads and decides again on a concurrent change when a retry is allowed', async () => {
    const streamId = `session-${randomUUID()}`;
    const repository = new AggregateRepository(overtakenOnce(streamId), seatDecider(10));
    const result = await repository.handle(streamId, reserve(2), { retryOnConflict: 1 });
    expect(result).toMatchObject({ state: { reserved: 3 }, version: 2 });
  });

  it('decides again with the state the other writer left, which may refuse the command', async () => {
    const streamId = `session-${randomUUID()}`;
    const repository = new AggregateRepository(overtakenOnce(streamId), seatDecider(2));
    await expect(
      repository.handle(streamId, reserve(2), { retryOnConflict: 3 }),
    ).rejects.toBeInstanceOf(SessionFull);
  });

  describe('snapshots', () => {
    const policy = (schemaVersion: number) => ({ store: snapshots, every: 3, schemaVersion });

    it('are taken whenever an append passes a multiple of `every` events, and used on load', async () => {
      const streamId = `session-${randomUUID()}`;
      const repository = new AggregateRepository(store, seatDecider(100), { snapshots: policy(1) });
      for (const seats of [1, 2]) await repository.handle(streamId, reserve(seats));
      expect(await snapshots.load(streamId)).toBeUndefined();
      for (const seats of [3, 4]) await repository.handle(streamId, reserve(seats));
      expect(await snapshots.load(streamId)).toEqual({
        version: 3,
        schemaVersion: 1,
        state: { reserved: 6 },
      });

      // A snapshot that disagrees with the events shows which one load used.
      await connection
        .collection('snapshots')
        .updateOne({ _id: streamId as never }, { $set: { 'state.reserved': 600 } });
      expect(await repository.load(streamId)).toEqual({ state: { reserved: 604 }, version: 4 });
    });

    it('of another schema version are ignored, then replaced', async () => {
      const streamId = `session-${randomUUID()}`;
      const before = new AggregateRepository(store, seatDecider(100), { snapshots: policy(1) });
      for (const seats of [1, 1, 1]) await before.handle(streamId, reserve(seats));
      await connection
        .collection('snapshots')
        .updateOne({ _id: streamId as never }, { $set: { 'state.reserved': 600 } });

      const after = new AggregateRepository(store, seatDecider(100), { snapshots: policy(2) });
      expect(await after.load(streamId)).toEqual({ state: { reserved: 3 }, version: 3 });
      for (const seats of [1, 1, 1]) await after.handle(streamId, reserve(seats));
      expect(await snapshots.load(streamId)).toEqual({
        version: 6,
        schemaVersion: 2,
        state: { reserved: 6 },
      });
    });

    it('are never replaced by an older one', async () => {
      const streamId = `session-${randomUUID()}`;
      await snapshots.save(streamId, { version: 9, schemaVersion: 1, state: { reserved: 9 } });
      await snapshots.save(streamId, { version: 6, schemaVersion: 1, state: { reserved: 6 } });
      expect(await snapshots.load(streamId)).toMatchObject({ version: 9 });
    });
  });
});
