import { labelOf } from './directory-label';

describe('directory labels', () => {
  it('names a clinic the directory does not list by the start of its id, and says so', () => {
    expect(labelOf('Clinic', '2d7f4b9a-1c3e-4a5b-8d6f-0e2a4c6b8d13', undefined)).toEqual({
      name: 'Clinic 2d7f4b9a',
      listed: false,
    });
    expect(labelOf('Clinic', '2d7f4b9a-1c3e', 'Harbor Clinic')).toEqual({
      name: 'Harbor Clinic',
      listed: true,
    });
  });
});
