import { EventEmitter } from 'node:events';
import { CommandBudget, CommandBudgetExceededError } from './command-budget';
import { CommandCounter } from './command-counter';
import { observedCommand } from './observed-command';

class FakeClient extends EventEmitter {
  private requestId = 0;
  constructor(readonly options: { monitorCommands?: boolean } = { monitorCommands: true }) {
    super();
  }

  /** Emits a command the way the driver does: started now, succeeded after `ms`. */
  send(command: Record<string, unknown>, ms = 0, reply: object = { ok: 1 }): Promise<void> {
    const requestId = ++this.requestId;
    const commandName = Object.keys(command)[0]!;
    this.emit('commandStarted', { requestId, commandName, databaseName: 'db', command });
    return new Promise((resolve) =>
      setTimeout(() => {
        this.emit('commandSucceeded', { requestId, reply });
        resolve();
      }, ms),
    );
  }
}

describe('database command counting', () => {
  it.each([
    ['a find', { find: 'events', filter: {} }, 'find', 'events', 0],
    ['a getMore, by its collection', { getMore: 1, collection: 'events' }, 'getMore', 'events', 0],
    ['a bulk insert, with its documents', { insert: 'v', documents: [{}, {}] }, 'insert', 'v', 2],
    ['a bulk update', { update: 'v', updates: [{}, {}, {}] }, 'update', 'v', 3],
    ['a delete', { delete: 'v', deletes: [{}] }, 'delete', 'v', 1],
    ['a database-level command', { listCollections: 1 }, 'listCollections', '', 0],
  ])('counts %s', (_, command, name, collection, documents) => {
    const commandName = Object.keys(command)[0]!;
    expect(observedCommand({ commandName, databaseName: 'db', command })).toEqual({
      name,
      collection,
      database: 'db',
      statements: documents,
      documents,
    });
  });

  it.each(['hello', 'isMaster', 'ping', 'endSessions', 'saslStart'])('leaves out %s', (name) => {
    expect(observedCommand({ commandName: name, databaseName: 'admin', command: {} })).toBe(
      undefined,
    );
  });

  it('counts what the work sends, including a write it leaves running', async () => {
    const client = new FakeClient();
    const counter = CommandCounter.attach(client);
    await client.send({ find: 'before' });
    const { result, usage } = await counter.measure(async () => {
      await client.send({ find: 'events' });
      void client.send({ update: 'views', updates: [{}, {}] }, 30);
      return 'done';
    });
    await client.send({ find: 'after' });
    counter.detach();
    expect(result).toBe('done');
    expect(usage.rows()).toEqual([
      { command: 'find', collection: 'events', count: 1, statements: 0, documents: 0 },
      { command: 'update', collection: 'views', count: 1, statements: 2, documents: 2 },
    ]);
    expect(usage.total).toBe(2);
    expect(usage.count({ collection: 'views' })).toBe(1);
  });

  it('reports the documents a write changed as the server answered', async () => {
    const client = new FakeClient();
    const counter = CommandCounter.attach(client);
    const { usage } = await counter.measure(async () => {
      await client.send({ update: 'events', updates: [{ multi: true }] }, 0, { n: 100, ok: 1 });
      await client.send({ update: 'views', updates: [{}, {}] }, 0, { n: 1, ok: 1 });
    });
    counter.detach();
    expect(usage.table()).toBe(
      [
        '1  update  events  100 docs, 1 statement',
        '1  update  views   1 doc, 2 statements',
        '2 commands in all',
      ].join('\n'),
    );
  });

  it('refuses a client that does not monitor commands', () => {
    expect(() => CommandCounter.attach(new FakeClient({}))).toThrow(/monitorCommands/);
  });

  it('fails a use case over its budget with its commands listed', async () => {
    const client = new FakeClient();
    const counter = CommandCounter.attach(client);
    const { usage } = await counter.measure(async () => {
      await client.send({ find: 'events' });
      await client.send({ insert: 'events', documents: [{}] });
    });
    const budget = new CommandBudget({ book: 1, cancel: 2 });
    expect(() => budget.check('cancel', usage)).not.toThrow();
    expect(() => budget.check('book', usage)).toThrow(CommandBudgetExceededError);
    expect(() => budget.check('book', usage)).toThrow(
      [
        'book: 2 database commands, budget 1',
        '1  find    events',
        '1  insert  events  1 doc',
        '2 commands in all',
      ].join('\n'),
    );
  });
});
