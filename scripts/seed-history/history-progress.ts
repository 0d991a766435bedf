import type { Connection } from 'mongoose';
import { HISTORY_CONTEXTS, HistoryContext } from './history-agenda';

/** What makes two runs the same history: a run resumes only a history of the same parameters. */
export interface HistoryParameters {
  readonly seed: number;
  readonly events: number;
  readonly months: number;
  /** The end of the history (ISO-8601), fixed by the first run. */
  readonly end: string;
  /** Whether free text was sealed: without keys a history has no reminders and no free text. */
  readonly sealing: boolean;
}

interface ProgressDocument extends HistoryParameters {
  readonly _id: 'history';
  /** The last UTC day (days since the epoch) whose events are all stored. */
  readonly lastDay: number;
  /** Whether the service's own views were written after the last day. */
  readonly complete: boolean;
  readonly updatedAt: Date;
}

const COLLECTION = 'seed_history';

/**
 * One progress document per service database (`seed_history`, `_id: history`): the history's
 * parameters and the last day written there. Dropping a database drops its progress with it.
 */
export class HistoryProgress {
  constructor(private readonly connections: Readonly<Record<HistoryContext, Connection>>) {}

  async read(): Promise<Partial<Record<HistoryContext, ProgressDocument>>> {
    const found = await Promise.all(
      HISTORY_CONTEXTS.map(async (context) => {
        const document = await this.collection(context).findOne({ _id: 'history' });
        return [context, document ?? undefined] as const;
      }),
    );
    return Object.fromEntries(found.filter(([, document]) => document !== undefined));
  }

  async save(
    context: HistoryContext,
    parameters: HistoryParameters,
    lastDay: number,
    complete: boolean,
  ): Promise<void> {
    await this.collection(context).replaceOne(
      { _id: 'history' },
      { ...parameters, lastDay, complete, updatedAt: new Date() },
      { upsert: true },
    );
  }

  private collection(context: HistoryContext) {
    return this.connections[context].collection<ProgressDocument>(COLLECTION);
  }
}

/** The stored parameters differ from the asked ones: name the first difference. */
export function mismatch(
  stored: HistoryParameters,
  asked: Omit<HistoryParameters, 'end'>,
): string | undefined {
  for (const key of ['seed', 'events', 'months', 'sealing'] as const)
    if (stored[key] !== asked[key])
      return `${key} ${String(stored[key])} (asked ${String(asked[key])})`;
  return undefined;
}
