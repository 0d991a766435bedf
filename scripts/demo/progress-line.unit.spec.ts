import { ProgressLine } from './progress-line';

function fakeStream(tty: boolean, columns = 100) {
  const writes: string[] = [];
  const stream = {
    isTTY: tty,
    columns,
    write: (chunk: string) => {
      writes.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes, text: () => writes.join('') };
}

describe('ProgressLine', () => {
  let clock = 0;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  function advance(ms: number): void {
    clock += ms;
    jest.advanceTimersByTime(ms);
  }

  it('redraws one line in place on a terminal, never wider than the terminal', () => {
    const { stream, writes } = fakeStream(true, 60);
    const line = new ProgressLine({ stream, now, prefix: '[x] ', unit: 'requests' });
    line.start(1000, 'demo data');
    for (let s = 0; s < 5; s += 1) {
      advance(1000);
      line.tick(10);
    }
    expect(writes.length).toBeGreaterThan(3);
    for (const chunk of writes) {
      expect(chunk.startsWith('\r\x1b[2K')).toBe(true);
      expect(chunk).not.toContain('\n');
      expect(chunk.length - '\r\x1b[2K'.length).toBeLessThan(60);
    }
    line.done();
  });

  it('gives up the bar before the time left on a narrow terminal', () => {
    const { stream, writes } = fakeStream(true, 80);
    const line = new ProgressLine({ stream, now, prefix: '[seed:demo] ', unit: 'requests' });
    line.start(4615, 'demo data');
    for (let s = 0; s < 12; s += 1) {
      advance(1000);
      line.tick(10);
    }
    const last = writes[writes.length - 1];
    expect(last).toMatch(/about \d+ min left$/);
    expect(last.length - '\r\x1b[2K'.length).toBeLessThan(80);
    line.done();
  });

  it('estimates the time left from the measured rate once a few seconds have passed', () => {
    const { stream } = fakeStream(false);
    const line = new ProgressLine({ stream, now, unit: 'requests' });
    line.start(1000, 'demo data');
    advance(2000);
    line.tick(20);
    expect(line.estimate().remainingMs).toBeUndefined();
    for (let s = 0; s < 8; s += 1) {
      advance(1000);
      line.tick(10);
    }
    // 100 done in 10 s: 10/s, 900 left.
    const estimate = line.estimate();
    expect(estimate.rate).toBeCloseTo(10, 0);
    expect(estimate.remainingMs).toBeCloseTo(90_000, -4);
    line.done();
  });

  it('follows a change of pace: the rate is measured over the last minute', () => {
    const { stream } = fakeStream(false);
    const line = new ProgressLine({ stream, now, intervalMs: 1000 });
    line.start(10_000, 'job');
    for (let s = 0; s < 120; s += 1) {
      advance(1000);
      line.tick(s < 60 ? 1 : 20);
    }
    expect(line.estimate().rate).toBeGreaterThan(15);
    line.done();
  });

  it('writes a plain line every interval when not on a terminal, and a summary at the end', () => {
    const { stream, writes, text } = fakeStream(false);
    const line = new ProgressLine({ stream, now, prefix: '[x] ', unit: 'requests' });
    line.start(300, 'demo data');
    for (let s = 0; s < 30; s += 1) {
      line.tick(5);
      advance(1000);
    }
    line.done();
    expect(text()).not.toContain('\r');
    // At 10 s the estimate is announced instead of a progress line, then a line at 20 and 30 s.
    const progressLines = writes.filter((w) => w.includes('%'));
    expect(progressLines).toHaveLength(2);
    expect(progressLines[1]).toBe(
      '[x] demo data:  50%  150/300 requests  30s  5.0/s, about 30 s left\n',
    );
    expect(text()).toContain('demo data: 300 requests planned; at 5.0/s so far that is about');
    expect(writes[writes.length - 1]).toBe('[x] demo data: 150 of 300 requests in 30s (5.0/s)\n');
  });

  it('prints a message above the line and draws the line again below it', () => {
    const { stream, writes } = fakeStream(true);
    const line = new ProgressLine({ stream, now, prefix: '[x] ' });
    line.start(10, 'job');
    line.log('step one done');
    const i = writes.findIndex((w) => w.includes('step one done'));
    expect(writes[i]).toBe('\r\x1b[2K[x] step one done\n');
    expect(writes[i + 1].startsWith('\r\x1b[2K[x] job ')).toBe(true);
    line.done();
    expect(writes[writes.length - 1]).toBe('[x] job: 0 of 10 steps in 0s (0.0/s)\n');
  });
});
