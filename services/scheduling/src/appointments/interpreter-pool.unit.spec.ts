import type { StaffListing } from '../directory/directory.port';
import { InterpreterFacts, interpreterCandidates } from './interpreter-pool';

const interpreter = (staffId: string, overrides: Partial<StaffListing> = {}): StaffListing => ({
  staffId,
  organizationId: '7c9e2b4d-5a8f-4e1a-8b3c-8e2a4c6f7a21',
  displayName: `Interpreter ${staffId.slice(0, 1)}`,
  functions: ['interpreter'],
  clinicIds: [],
  languages: ['es', 'pt'],
  licences: [],
  active: true,
  ...overrides,
});
const onDuty = { onDuty: true, bufferBeforeMinutes: 0, bufferAfterMinutes: 5 } as const;
const fit = (staff: StaffListing): InterpreterFacts => ({
  staff,
  credential: { allowed: true },
  duty: onDuty,
});
const [a, b, c] = [
  'a0000000-0000-4000-8000-000000000001',
  'b0000000-0000-4000-8000-000000000002',
  'c0000000-0000-4000-8000-000000000003',
];

describe('the interpreters a visit may hold', () => {
  it('are tried by staff id, whatever order the pool comes in, with their own buffers', () =>
    expect(
      interpreterCandidates('es', [fit(interpreter(c)), fit(interpreter(a)), fit(interpreter(b))]),
    ).toEqual({
      candidates: [a, b, c].map((staffId) => ({
        staffId,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 5,
      })),
      passedOver: [],
    }));

  it.each([
    ['inactive', fit(interpreter(a, { active: false })), 'not-an-interpreter'],
    ['a provider', fit(interpreter(a, { functions: ['provider'] })), 'not-an-interpreter'],
    ['speaking other languages', fit(interpreter(a, { languages: ['fr'] })), 'language'],
    [
      'without a current credential',
      {
        ...fit(interpreter(a)),
        credential: {
          allowed: false,
          reason: "the interpreter's telehealth credential has expired",
        },
      },
      'credential',
    ],
    [
      'off duty',
      { ...fit(interpreter(a)), duty: { onDuty: false, detail: 'away on 2031-05-05' } },
      'off-duty',
    ],
    ['without a schedule', { ...fit(interpreter(a)), duty: undefined }, 'off-duty'],
  ] as const)('pass over an interpreter %s', (_, facts, why) => {
    const { candidates, passedOver } = interpreterCandidates('es', [facts, fit(interpreter(b))]);
    expect(candidates.map((x) => x.staffId)).toEqual([b]);
    expect(passedOver).toEqual([expect.objectContaining({ staffId: a, why })]);
  });

  it('match the language ignoring case, and name the person in the reason', () => {
    expect(interpreterCandidates('ES', [fit(interpreter(a))]).candidates).toHaveLength(1);
    expect(
      interpreterCandidates('fr', [fit(interpreter(a, { displayName: 'Lucía Ortega' }))])
        .passedOver,
    ).toEqual([{ staffId: a, why: 'language', detail: 'Lucía Ortega does not interpret fr' }]);
  });
});
