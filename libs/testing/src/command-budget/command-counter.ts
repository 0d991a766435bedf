import { setTimeout as sleep } from 'node:timers/promises';
import { CommandUsage } from './command-usage';
import {
  ObservedCommand,
  observedCommand,
  StartedCommand,
  writtenDocuments,
} from './observed-command';

interface FinishedCommand {
  readonly requestId: number;
  readonly reply?: unknown;
}

/** What the counter needs of a MongoClient (mongoose: `connection.getClient()`). */
export interface MonitoredClient {
  readonly options: { readonly monitorCommands?: boolean };
  on(event: 'commandStarted', listener: (event: StartedCommand & FinishedCommand) => void): unknown;
  on(
    event: 'commandSucceeded' | 'commandFailed',
    listener: (event: FinishedCommand) => void,
  ): unknown;
  off(
    event: 'commandStarted',
    listener: (event: StartedCommand & FinishedCommand) => void,
  ): unknown;
  off(
    event: 'commandSucceeded' | 'commandFailed',
    listener: (event: FinishedCommand) => void,
  ): unknown;
}

export interface SettleOptions {
  /** The work is over once nothing is in flight and nothing started for this long; default 100 ms. */
  readonly quietMs?: number;
  /** Longest wait for that after the work resolved; default 10 s. */
  readonly timeoutMs?: number;
}

export interface Measured<T> {
  readonly result: T;
  readonly usage: CommandUsage;
}

/**
 * Counts the commands a client sends while a piece of work runs, from the driver's command
 * monitoring. Counting is by time window, not by caller: everything the client sends between
 * the start of the work and the moment it has settled is the work's, including writes it
 * leaves running after it resolves. Background work of the application under test (pollers,
 * timers) must therefore be switched off while measuring.
 */
export class CommandCounter {
  private recording?: ObservedCommand[];
  /** Commands not answered yet, by request id: where each sits in the recording. */
  private readonly inFlight = new Map<number, number>();
  private lastActivity = 0;

  private readonly onStarted = (event: StartedCommand & FinishedCommand): void => {
    if (!this.recording) return;
    const observed = observedCommand(event);
    if (!observed) return;
    this.inFlight.set(event.requestId, this.recording.push(observed) - 1);
    this.lastActivity = performance.now();
  };

  private readonly onSucceeded = (event: FinishedCommand): void => {
    const index = this.inFlight.get(event.requestId);
    const written = writtenDocuments(event.reply);
    const observed = index === undefined ? undefined : this.recording?.[index];
    if (observed && written !== undefined && observed.statements > 0)
      this.recording?.splice(index as number, 1, { ...observed, documents: written });
    this.onFinished(event);
  };

  private readonly onFinished = (event: FinishedCommand): void => {
    if (this.inFlight.delete(event.requestId)) this.lastActivity = performance.now();
  };

  private constructor(private readonly client: MonitoredClient) {
    client.on('commandStarted', this.onStarted);
    client.on('commandSucceeded', this.onSucceeded);
    client.on('commandFailed', this.onFinished);
  }

  /** Listens to the client's command events; it must have been created with `monitorCommands`. */
  static attach(client: MonitoredClient): CommandCounter {
    // Without it the driver emits nothing, and every budget would pass with zero commands.
    if (client.options.monitorCommands !== true)
      throw new Error('CommandCounter needs a client created with monitorCommands: true');
    return new CommandCounter(client);
  }

  /** Runs `work` and answers what it returned and the commands it caused. */
  async measure<T>(work: () => Promise<T>, settle: SettleOptions = {}): Promise<Measured<T>> {
    if (this.recording) throw new Error('CommandCounter measures one piece of work at a time');
    const recording: ObservedCommand[] = [];
    this.recording = recording;
    this.inFlight.clear();
    try {
      const result = await work();
      await this.settled(settle);
      return { result, usage: new CommandUsage(recording) };
    } finally {
      this.recording = undefined;
    }
  }

  /** Stops listening. */
  detach(): void {
    this.client.off('commandStarted', this.onStarted);
    this.client.off('commandSucceeded', this.onSucceeded);
    this.client.off('commandFailed', this.onFinished);
  }

  private async settled({ quietMs = 100, timeoutMs = 10_000 }: SettleOptions): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    this.lastActivity = Math.max(this.lastActivity, performance.now());
    while (this.inFlight.size > 0 || performance.now() - this.lastActivity < quietMs) {
      if (performance.now() > deadline)
        throw new Error(
          `commands still running ${timeoutMs} ms after the measured work: ${this.inFlight.size}`,
        );
      await sleep(10);
    }
  }
}
