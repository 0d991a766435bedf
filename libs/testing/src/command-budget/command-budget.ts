import { CommandUsage } from './command-usage';

/** Thrown when a use case sent more commands than its budget; the message lists them. */
export class CommandBudgetExceededError extends Error {
  override readonly name = 'CommandBudgetExceededError';
}

/**
 * Database-command budgets of a set of use cases: the most commands (round trips) each may
 * send. `check` fails a use case over its budget with its commands listed by name and
 * collection, so the failure shows which round trip was added; `report` prints every
 * measurement of the file when `THC_COMMAND_REPORT=1`.
 */
export class CommandBudget<UseCase extends string> {
  private readonly measured = new Map<UseCase, CommandUsage>();

  constructor(private readonly budgets: Readonly<Record<UseCase, number>>) {}

  check(useCase: UseCase, usage: CommandUsage): void {
    this.measured.set(useCase, usage);
    const budget = this.budgets[useCase];
    if (usage.total <= budget) return;
    throw new CommandBudgetExceededError(
      `${useCase}: ${usage.total} database commands, budget ${budget}\n${usage.table()}`,
    );
  }

  /** Every measured use case with its budget and commands, as text. */
  summary(): string {
    return [...this.measured]
      .map(([useCase, usage]) => `${useCase} (budget ${this.budgets[useCase]})\n${usage.table()}`)
      .join('\n\n');
  }

  report(enabled = process.env['THC_COMMAND_REPORT'] === '1'): void {
    if (enabled && this.measured.size > 0) process.stdout.write(`\n${this.summary()}\n`);
  }
}
