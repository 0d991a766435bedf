import { estimatedMos, qualityBand } from './connection-quality-band';

describe('quality band of a connection sample', () => {
  test.each([
    [{ rttMs: 120, jitterMs: 10, packetLossPercent: 0.2 }, 'good'],
    [{ rttMs: 300, jitterMs: 30, packetLossPercent: 1 }, 'good'],
    [{ rttMs: 301, jitterMs: 10, packetLossPercent: 0 }, 'fair'],
    [{ rttMs: 120, jitterMs: 10, packetLossPercent: 3 }, 'fair'],
    [{ rttMs: 120, jitterMs: 51, packetLossPercent: 0 }, 'poor'],
    [{ rttMs: 600, jitterMs: 10, packetLossPercent: 0 }, 'poor'],
    [{ rttMs: 120, jitterMs: 10, packetLossPercent: 5.5 }, 'poor'],
  ])('%o is %s', (metrics, band) => {
    expect(qualityBand(metrics)).toBe(band);
  });
});

describe('estimated MOS of a connection sample', () => {
  it('is high on a clean line and falls with delay, jitter and loss', () => {
    const clean = estimatedMos({ rttMs: 40, jitterMs: 2, packetLossPercent: 0 });
    const lossy = estimatedMos({ rttMs: 40, jitterMs: 2, packetLossPercent: 8 });
    const slow = estimatedMos({ rttMs: 800, jitterMs: 60, packetLossPercent: 0 });
    expect(clean).toBeGreaterThan(4.3);
    expect(lossy).toBeLessThan(clean);
    expect(lossy).toBeLessThan(3.8);
    expect(slow).toBeLessThan(clean);
    expect(estimatedMos({ rttMs: 5000, jitterMs: 500, packetLossPercent: 100 })).toBe(1);
  });
});
