import { deciderSpec, SpecifiedDecider } from './decider-spec';

// A tiny waiting room: patients arrive and are admitted one by one.
type Command = { readonly type: 'Arrive'; readonly patientId: string } | { readonly type: 'Admit' };
type Event =
  | { readonly type: 'PatientArrived'; readonly data: { readonly patientId: string } }
  | { readonly type: 'PatientAdmitted'; readonly data: { readonly patientId: string } };
type State = { readonly waiting: readonly string[] };

class NobodyWaiting extends Error {
  override readonly name = 'NobodyWaiting';
}

const waitingRoom: SpecifiedDecider<State, Command, Event> = {
  initialState: () => ({ waiting: [] }),
  decide: (command, state) => {
    if (command.type === 'Arrive') {
      return state.waiting.includes(command.patientId)
        ? []
        : { type: 'PatientArrived', data: { patientId: command.patientId } };
    }
    const [next] = state.waiting;
    if (next === undefined) throw new NobodyWaiting('the waiting room is empty');
    return [{ type: 'PatientAdmitted', data: { patientId: next } }];
  },
  evolve: (state, event) =>
    event.type === 'PatientArrived'
      ? { waiting: [...state.waiting, event.data.patientId] }
      : { waiting: state.waiting.filter((id) => id !== event.data.patientId) },
};

const arrived = (patientId: string): Event => ({ type: 'PatientArrived', data: { patientId } });
const admitted = (patientId: string): Event => ({ type: 'PatientAdmitted', data: { patientId } });
const given = deciderSpec(waitingRoom);

describe('deciderSpec', () => {
  it('checks the events decided after the given history', () => {
    given([arrived('p1'), arrived('p2')])
      .when({ type: 'Admit' })
      .then([admitted('p1')]);
  });

  it('accepts a decider that returns a single event', () => {
    given([])
      .when({ type: 'Arrive', patientId: 'p1' })
      .then([arrived('p1')]);
  });

  it('checks that nothing was decided', () => {
    given([arrived('p1')])
      .when({ type: 'Arrive', patientId: 'p1' })
      .then([]);
  });

  it('checks the class of a refusal', () => {
    given([arrived('p1'), admitted('p1')])
      .when({ type: 'Admit' })
      .then(NobodyWaiting);
  });

  it('checks the class and message of a refusal', () => {
    given([]).when({ type: 'Admit' }).then(new NobodyWaiting('the waiting room is empty'));
  });

  it('fails when other events were decided', () => {
    expect(() =>
      given([arrived('p1')])
        .when({ type: 'Admit' })
        .then([admitted('p2')]),
    ).toThrow();
  });

  it('fails when a refusal was expected but events were decided', () => {
    expect(() =>
      given([arrived('p1')])
        .when({ type: 'Admit' })
        .then(NobodyWaiting),
    ).toThrow(/to be refused/);
  });

  it('rethrows an unexpected refusal', () => {
    expect(() =>
      given([])
        .when({ type: 'Admit' })
        .then([admitted('p1')]),
    ).toThrow(NobodyWaiting);
  });

  it('fails on a refusal of another message', () => {
    expect(() => given([]).when({ type: 'Admit' }).then(new NobodyWaiting('closed'))).toThrow();
  });

  it('names the mistake of awaiting the specification, which TypeScript refuses too', async () => {
    const awaited = given([]).when({ type: 'Admit' }) as unknown as PromiseLike<void>;
    await expect(Promise.resolve(awaited)).rejects.toThrow(/do not await/);
  });
});
