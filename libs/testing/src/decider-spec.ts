/**
 * The decider under test: the same shape as `Decider` in @thc/event-store, restated here
 * because the event store's own tests use this library (importing it would be a cycle).
 */
export interface SpecifiedDecider<State, Command, Event> {
  readonly decide: (command: Command, state: State) => Event | readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** An error the decider must throw: its class, or an instance whose class and message must match. */
export type ErrorExpectation = (abstract new (...args: never[]) => Error) | Error;

export interface DeciderThen<Event> {
  /**
   * Asserts what the command decided: exactly these events, or this error. Synchronous:
   * call it inside `it`, without `await` (the decider is pure, nothing is pending).
   */
  then(expected: readonly Event[] | ErrorExpectation): void;
}

export interface DeciderGiven<Command, Event> {
  when(command: Command): DeciderThen<Event>;
}

/**
 * Event-in, event-out tests for a decider, without mocks:
 *
 * ```ts
 * const given = deciderSpec(appointmentDecider);
 * it('books a free slot', () => given([slotOpened]).when(book).then([appointmentBooked]));
 * it('refuses a taken slot', () => given([slotOpened, appointmentBooked]).when(book).then(SlotTaken));
 * ```
 */
export function deciderSpec<State, Command, Event>(
  decider: SpecifiedDecider<State, Command, Event>,
): (events: readonly Event[]) => DeciderGiven<Command, Event> {
  return (events) => ({
    when: (command) => ({
      then: (expected) => {
        const outcome = decideAfter(decider, events, command);
        if (Array.isArray(expected)) {
          if ('error' in outcome) throw outcome.error;
          expect(outcome.events).toEqual(expected);
          return;
        }
        const expectation = expected as ErrorExpectation;
        if (!(expectation instanceof Error) && !isErrorClass(expectation)) {
          // `await given(...).when(...)` calls then(resolve, reject): name the mistake.
          throw new TypeError(
            'then() takes the expected events or error; do not await given().when()',
          );
        }
        if ('events' in outcome) {
          throw new Error(
            `expected the command to be refused, but it decided ${JSON.stringify(outcome.events)}`,
          );
        }
        if (expectation instanceof Error) {
          expect(outcome.error).toBeInstanceOf(expectation.constructor);
          expect((outcome.error as Error).message).toBe(expectation.message);
        } else {
          expect(outcome.error).toBeInstanceOf(expectation);
        }
      },
    }),
  });
}

function decideAfter<State, Command, Event>(
  decider: SpecifiedDecider<State, Command, Event>,
  history: readonly Event[],
  command: Command,
): { readonly events: readonly Event[] } | { readonly error: unknown } {
  const state = history.reduce(decider.evolve, decider.initialState());
  try {
    const decided = decider.decide(command, state);
    return { events: Array.isArray(decided) ? decided : [decided as Event] };
  } catch (error) {
    return { error };
  }
}

function isErrorClass(candidate: unknown): candidate is abstract new (...args: never[]) => Error {
  return (
    typeof candidate === 'function' && (candidate === Error || candidate.prototype instanceof Error)
  );
}
