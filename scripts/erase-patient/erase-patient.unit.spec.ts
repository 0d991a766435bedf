import { usageProblems } from './erase-patient';

describe('erase:patient usage', () => {
  const valid = {
    patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
    requestRef: 'ERASURE-2026-0042',
    url: 'http://127.0.0.1:3004',
    token: 'eyJ...',
  };

  it('accepts a patient id, a request reference and a token', () => {
    expect(usageProblems(valid)).toEqual([]);
  });

  // Nothing is sent when the input could aim the request elsewhere or carry PHI into the trail.
  it.each([
    ['a patient id that is a path', { patientId: '../../legal-holds/x' }, '--patient'],
    ['a reference holding a name', { requestRef: 'Jane Doe 1970-01-01' }, '--request'],
    ['no token', { token: '' }, 'admin token'],
  ])('refuses %s before sending anything', (_, change, problem) => {
    expect(usageProblems({ ...valid, ...change }).join('; ')).toContain(problem);
  });
});
