import type { Decider } from '@thc/event-store/decider';
import { isDeepStrictEqual } from 'node:util';
import { InvalidDirectoryRecord, RecordViolation } from './directory.errors';
import type { RecordActor } from './directory-records';

export type RecordState<Record> =
  { readonly status: 'unrecorded' } | { readonly status: 'recorded'; readonly record: Record };

export interface RecordedEvent<Type extends string, Record> {
  readonly type: Type;
  readonly data: Record & { readonly recordedAt: string; readonly recordedBy: RecordActor };
}

interface WholeRecordCommand<Record> {
  readonly record: Record;
  readonly issuedAt: string;
  readonly issuedBy: RecordActor;
}

interface WholeRecordRules<Record, Command extends WholeRecordCommand<Record>> {
  readonly eventType: string;
  /** The record in the form it is compared and stored in. */
  readonly canonical: (record: Record) => Record;
  /** What refuses the command, given what the stream holds. */
  readonly violations: (command: Command, state: RecordState<Record>) => RecordViolation[];
}

/**
 * A directory entry is a whole record, latest wins: each command states it entirely. The same
 * record again appends nothing, so a re-import or a retried PUT changes nothing.
 */
export function wholeRecordDecider<
  Type extends string,
  Record extends object,
  Command extends WholeRecordCommand<Record>,
>(
  rules: WholeRecordRules<Record, Command> & { readonly eventType: Type },
): Decider<RecordState<Record>, Command, RecordedEvent<Type, Record>> {
  return {
    initialState: () => ({ status: 'unrecorded' }),
    decide: (command, state) => {
      const violations = rules.violations(command, state);
      if (violations.length > 0) throw new InvalidDirectoryRecord(violations);
      const record = rules.canonical(command.record);
      if (state.status === 'recorded' && isDeepStrictEqual(state.record, record)) return [];
      return [
        {
          type: rules.eventType,
          data: { ...record, recordedAt: command.issuedAt, recordedBy: command.issuedBy },
        },
      ];
    },
    evolve: (_state, event) => {
      const { recordedAt: _at, recordedBy: _by, ...record } = event.data;
      return { status: 'recorded', record: rules.canonical(record as unknown as Record) };
    },
  };
}
