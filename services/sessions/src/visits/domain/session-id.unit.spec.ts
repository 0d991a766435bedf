import { sessionIdOf } from './session-id';

describe('the session id of an appointment', () => {
  it('is the same UUID (version 5) every time, and differs between appointments', () => {
    const a = sessionIdOf('3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sessionIdOf('3F2A8C1E-6B4D-4E9A-8F10-2C7D5B9E1A01')).toBe(a);
    expect(sessionIdOf('3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a02')).not.toBe(a);
  });
});
