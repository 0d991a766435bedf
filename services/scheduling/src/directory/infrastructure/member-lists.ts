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
 */
export class MemberLists {
  private readonly lists: mongo.Collection<MemberList>;

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
    for (const key of keys) await this.add(key, member);
    for (const key of formerKeys.filter((former) => !keys.includes(former)))
      await this.lists.updateOne({ _id: key }, { $pull: { members: member } });
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
