import { eventDefinition } from '../registry/event-registry';
import { validateEvent } from '../validation/validate-event';

const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';
const example = eventDefinition(CANCELLED)?.example as { reason: Record<string, unknown> };
const withReason = (reason: Record<string, unknown>) => ({ ...example, reason });

describe('a sealed field on the wire', () => {
  it('is accepted as sealed now (v 2) and as sealed before (no v)', () => {
    expect(validateEvent(CANCELLED, example)).toBeUndefined();
    expect(validateEvent(CANCELLED, withReason({ ...example.reason, v: 2 }))).toBeUndefined();
  });

  // Someone with write access to a topic forges a reason with a short tag, hoping a consumer
  // checks only the bytes given: it is dead-lettered before any consumer tries it.
  it.each([
    ['a tag truncated to 12 bytes', { tag: 'ZHWjIL6yLhUhcY3Q' }],
    ['a tag truncated to 4 bytes', { tag: 'ZHWjIA==' }],
    ['a nonce of 8 bytes', { iv: 'q83vEjRWeJA=' }],
    ['an unknown envelope version', { v: 3 }],
  ])('refuses %s', (_, change) => {
    expect(validateEvent(CANCELLED, withReason({ ...example.reason, ...change }))).toMatch(
      /reason/,
    );
  });
});
