import { actorOf } from './actor-of';
import { Principal } from './principal';

const caller = (...roles: Principal['roles']): Principal => ({ subject: 'u-1', roles });

describe('the event actor for a caller', () => {
  it('records the caller by id, in the first role of the precedence they hold', () => {
    const actor = actorOf(caller('patient', 'provider', 'admin'), ['admin', 'provider']);
    expect(actor).toEqual({ kind: 'user', userId: 'u-1', role: 'admin' });
    expect(actorOf(caller('patient', 'provider'), ['admin', 'provider']).role).toBe('provider');
  });

  it('orders by the precedence, not by the token', () => {
    const precedence = ['admin', 'trainer', 'coordinator'] as const;
    expect(actorOf(caller('coordinator', 'trainer'), precedence).role).toBe('trainer');
  });

  it('falls back to the token’s first role when the caller holds none of the precedence', () => {
    expect(actorOf(caller('auditor', 'analyst'), ['admin', 'provider']).role).toBe('auditor');
  });

  it('uses the token’s first role when no precedence is given', () => {
    expect(actorOf(caller('analyst', 'admin')).role).toBe('analyst');
  });

  it('falls back to admin for a token without roles', () => {
    expect(actorOf(caller(), ['provider']).role).toBe('admin');
  });
});
