import { ObservedCommand } from './observed-command';

/** Commands of one name on one collection. */
export interface UsageRow {
  readonly command: string;
  readonly collection: string;
  readonly count: number;
  /** Statements written by these commands (a bulk write of 3 updates is 1 command, 3 documents). */
  readonly documents: number;
}

/** The commands one measured piece of work sent, in the order they started. */
export class CommandUsage {
  constructor(readonly commands: readonly ObservedCommand[]) {}

  /** Round trips: every counted command, a bulk write being one. */
  get total(): number {
    return this.commands.length;
  }

  /** Counts by command and collection, in order of first appearance. */
  rows(): UsageRow[] {
    const rows = new Map<string, { -readonly [K in keyof UsageRow]: UsageRow[K] }>();
    for (const { name, collection, documents } of this.commands) {
      const key = `${name} ${collection}`;
      const row = rows.get(key) ?? { command: name, collection, count: 0, documents: 0 };
      row.count += 1;
      row.documents += documents;
      rows.set(key, row);
    }
    return [...rows.values()];
  }

  /** Commands matching the given name and/or collection. */
  count(filter: { readonly command?: string; readonly collection?: string } = {}): number {
    return this.commands.filter(
      (c) =>
        (filter.command === undefined || c.name === filter.command) &&
        (filter.collection === undefined || c.collection === filter.collection),
    ).length;
  }

  /** A plain-text table of `rows()`, for failure messages and reports. */
  table(): string {
    const rows = this.rows().map((row) => ({
      count: String(row.count),
      command: row.command,
      collection: row.collection || '(database)',
      documents: row.documents > 0 ? `${row.documents} doc${row.documents === 1 ? '' : 's'}` : '',
    }));
    const width = (column: 'count' | 'command' | 'collection') =>
      Math.max(0, ...rows.map((row) => row[column].length));
    const [count, command, collection] = [width('count'), width('command'), width('collection')];
    const body = rows.map((row) =>
      [
        row.count.padStart(count),
        row.command.padEnd(command),
        row.collection.padEnd(collection),
        row.documents,
      ]
        .join('  ')
        .trimEnd(),
    );
    return [...body, `${this.total} command${this.total === 1 ? '' : 's'} in all`].join('\n');
  }
}
