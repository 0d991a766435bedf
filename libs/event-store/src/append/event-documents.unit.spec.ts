import { eventDocuments } from './event-documents';

const AT = new Date('2025-03-01T10:00:00Z');
const ACTIVE = {
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  tracestate: 'thc=1',
};

describe('eventDocuments', () => {
  it('numbers an append after its base and marks its first and last version on every event', () => {
    const documents = eventDocuments(
      's-1',
      3,
      [
        { id: 'x', type: 'A', data: 1 },
        { id: 'y', type: 'B', data: 2 },
      ],
      AT,
    );
    expect(
      documents.map(({ _id, version, batchStart, batchEnd, pending }) => ({
        _id,
        version,
        batchStart,
        batchEnd,
        pending,
      })),
    ).toEqual([
      { _id: 'x', version: 4, batchStart: 4, batchEnd: 5, pending: true },
      { _id: 'y', version: 5, batchStart: 4, batchEnd: 5, pending: true },
    ]);
  });

  it('stores correlation, causation and actor, and drops what is absent', () => {
    const metadata = {
      correlationId: 'c',
      causationId: 'k',
      actor: 'user-1',
      tracestate: undefined,
    };
    const [document] = eventDocuments(
      's-1',
      0,
      [{ id: 'x', type: 'A', data: {}, metadata }],
      AT,
      () => ({}),
    );
    expect(document!.metadata).toEqual({ correlationId: 'c', causationId: 'k', actor: 'user-1' });
  });

  it('captures the active trace context when the event names none', () => {
    const [document] = eventDocuments(
      's-1',
      0,
      [{ id: 'x', type: 'A', data: {} }],
      AT,
      () => ACTIVE,
    );
    expect(document!.metadata).toEqual(ACTIVE);
  });

  it("keeps the event's own trace context", () => {
    const own = { traceparent: '00-11111111111111111111111111111111-2222222222222222-01' };
    const [document] = eventDocuments(
      's-1',
      0,
      [{ id: 'x', type: 'A', data: {}, metadata: own }],
      AT,
      () => ACTIVE,
    );
    expect(document!.metadata).toEqual(own);
  });
});
