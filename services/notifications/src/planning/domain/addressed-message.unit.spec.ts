import { messageIdOf } from './addressed-message';

describe('a message id', () => {
  const trigger = '0b1f6a4e-2d8c-4e1a-9c3b-5f7d9e1a2b3c';
  const person = '7c9e2b4d-1a3f-4e5b-8c6d-9f0a1b2c3d4e';

  it('is a UUID that every instance derives alike from trigger, recipient and kind', () => {
    const id = messageIdOf(trigger, person, 'reminder');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageIdOf(trigger, person, 'reminder')).toBe(id);
  });

  it('differs for another recipient or another kind of message', () => {
    const id = messageIdOf(trigger, person, 'reminder');
    expect(messageIdOf(trigger, '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', 'reminder')).not.toBe(id);
    expect(messageIdOf(trigger, person, 'join-link')).not.toBe(id);
  });
});
