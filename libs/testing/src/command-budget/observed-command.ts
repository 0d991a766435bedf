/** A command as the driver's command monitoring reports it (`commandStarted`). */
export interface StartedCommand {
  readonly commandName: string;
  readonly databaseName: string;
  readonly command: Readonly<Record<string, unknown>>;
}

/** One round trip to the database, as a budget counts it. */
export interface ObservedCommand {
  readonly name: string;
  /** The collection the command names; empty for database-level commands. */
  readonly collection: string;
  readonly database: string;
  /** Statements a write carried (documents to insert, updates, deletes); 0 for other commands. */
  readonly statements: number;
  /**
   * Documents a write changed as the server answered (`n`: inserted, matched or upserted,
   * deleted); the statements until it answered, 0 for other commands.
   */
  readonly documents: number;
}

/**
 * The driver's own traffic: connection handshakes, server monitoring and session clean-up.
 * None of it is caused by a use case, and its timing depends on the clock, not the code.
 */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'ping',
  'endSessions',
  'saslStart',
  'saslContinue',
  'authenticate',
  'buildInfo',
  'buildinfo',
]);

const WRITE_STATEMENTS = { insert: 'documents', update: 'updates', delete: 'deletes' } as const;

/** The command as a budget counts it, or undefined for the driver's own traffic. */
export function observedCommand(started: StartedCommand): ObservedCommand | undefined {
  const name = started.commandName;
  if (NOT_COUNTED.has(name)) return undefined;
  const target = name === 'getMore' ? started.command['collection'] : started.command[name];
  const statements =
    name in WRITE_STATEMENTS
      ? started.command[WRITE_STATEMENTS[name as keyof typeof WRITE_STATEMENTS]]
      : undefined;
  const count = Array.isArray(statements) ? statements.length : 0;
  return {
    name,
    collection: typeof target === 'string' ? target : '',
    database: started.databaseName,
    statements: count,
    documents: count,
  };
}

/** The documents a write's reply says it changed, if it says. */
export function writtenDocuments(reply: unknown): number | undefined {
  const n = (reply as { n?: unknown } | undefined)?.n;
  return typeof n === 'number' ? n : undefined;
}
