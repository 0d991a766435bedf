import { ObservedCommand } from './observed-command';

/** Commands of one name on one collection. */
export interface UsageRow {
  readonly command: string;
  readonly collection: string;
  readonly count: number;
  /** Write statements these commands carried (a bulk write of 3 updates: 1 command, 3 statements). */
  readonly statements: number;
  /** Documents these writes changed, as the server answered. */
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
    for (const { name, collection, statements, documents } of this.commands) {
      const key = `${name} ${collection}`;
      const row = rows.get(key) ?? {
        command: name,
        collection,
        count: 0,
        statements: 0,
        documents: 0,
      };
      row.count += 1;
      row.statements += statements;
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
      documents: written(row),
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

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What a row's writes did: documents changed, and the statements when they differ. */
function written({ statements, documents }: UsageRow): string {
  if (statements === 0) return '';
  const changed = plural(documents, 'doc');
  return documents === statements ? changed : `${changed}, ${plural(statements, 'statement')}`;
}
