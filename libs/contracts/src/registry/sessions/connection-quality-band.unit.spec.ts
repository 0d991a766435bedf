import { qualityBand } from './connection-quality-band';

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
