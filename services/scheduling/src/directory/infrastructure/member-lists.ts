import { Connection, mongo } from 'mongoose';

interface MemberList {
  readonly _id: string;
  readonly members: string[];
}

const DUPLICATE_KEY = 11000;

/**
 * Sets of ids under a key (a language's interpreters, a clinic's staff, an organization's
 * clinics), one document per key: a list is one `_id` read. Every write is an idempotent set
 * operation, so a record's memberships are simply stated again after each change.
 *
 * Writes to one key are made one after the other in this process: FerretDB does not apply
 * concurrent updates of one document atomically (of 20 concurrent `$addToSet`s, 2 stayed), and
 * an import or a seed records many staff of one clinic at once. MongoDB needs no such care.
 */
export class MemberLists {
  private readonly lists: mongo.Collection<MemberList>;
  /** The last write queued per key; the next waits for it. */
  private readonly queued = new Map<string, Promise<void>>();

  constructor(connection: Connection, collection: string) {
    this.lists = connection.collection<MemberList>(collection);
  }

  async membersOf(key: string): Promise<readonly string[]> {
    return (await this.lists.findOne({ _id: key }))?.members ?? [];
  }

  async membersOfAll(): Promise<readonly string[]> {
    const lists = await this.lists.find({}).toArray();
    return lists.flatMap((list) => list.members);
  }

  /** `member` is under each of `keys` and under none of `formerKeys` that `keys` leaves out. */
  async place(member: string, keys: readonly string[], formerKeys: readonly string[] = []) {
    for (const key of keys) await this.inTurn(key, () => this.add(key, member));
    for (const key of formerKeys.filter((former) => !keys.includes(former)))
      await this.inTurn(key, async () => {
        await this.lists.updateOne({ _id: key }, { $pull: { members: member } });
      });
  }

  private async inTurn(key: string, write: () => Promise<void>): Promise<void> {
    const previous = this.queued.get(key) ?? Promise.resolve();
    const mine = previous.then(write, write);
    const settled = mine.catch(() => undefined);
    this.queued.set(key, settled);
    try {
      await mine;
    } finally {
      if (this.queued.get(key) === settled) this.queued.delete(key);
    }
  }

  private async add(key: string, member: string): Promise<void> {
    try {
      await this.lists.updateOne(
        { _id: key },
        { $addToSet: { members: member } },
        { upsert: true },
      );
    } catch (error) {
      // Two first members of one key race on the insert; the loser's add is a plain update.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      await this.lists.updateOne({ _id: key }, { $addToSet: { members: member } });
    }
  }
}
