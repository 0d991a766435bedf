import { selectPublishable } from './select-publishable';

const event = (streamId: string, version: number, batchStart = version, batchEnd = version) => ({
  streamId,
  version,
  batchStart,
  batchEnd,
});

describe('selectPublishable', () => {
  it('publishes complete appends of every stream in order', () => {
    const page = [event('a', 1), event('a', 2, 2, 3), event('a', 3, 2, 3), event('b', 4)];
    expect(selectPublishable(page, false)).toEqual({ ready: page, unfinished: [] });
  });

  it('holds back an unfinished append and everything after it in that stream only', () => {
    const page = [event('a', 1), event('a', 2, 2, 4), event('a', 3, 2, 4), event('b', 1)];
    expect(selectPublishable(page, false)).toEqual({
      ready: [event('a', 1), event('b', 1)],
      unfinished: [event('a', 2, 2, 4), event('a', 3, 2, 4)],
    });
  });

  it('does not judge an append that the page limit cut', () => {
    const page = [event('a', 1), event('b', 1, 1, 3), event('b', 2, 1, 3)];
    expect(selectPublishable(page, true)).toEqual({
      ready: [event('a', 1)],
      unfinished: [],
      cut: { streamId: 'b', from: 1, to: 3 },
    });
  });

  it('orders what it publishes by stream and version, whatever the page order', () => {
    const page = [event('b', 1), event('a', 2), event('a', 1)];
    expect(selectPublishable(page, false).ready).toEqual([
      event('a', 1),
      event('a', 2),
      event('b', 1),
    ]);
  });

  it('continues an append whose first events were published by an earlier pass', () => {
    const page = [event('a', 3, 2, 3), event('a', 4)];
    expect(selectPublishable(page, false).ready).toEqual(page);
  });
});
