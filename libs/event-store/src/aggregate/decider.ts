/** A domain event as a decider sees it; a context's events form a union discriminated on `type`. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An aggregate as three pure functions: no framework, no I/O, no clock (time comes in the
 * command). `decide` returns the events a command causes, or throws a domain error;
 * `evolve` folds one event into the state.
 */
export interface Decider<State, Command, Event> {
  readonly decide: (command: Command, state: State) => Event | readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}
