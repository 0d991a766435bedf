import {
  BrowserSupport,
  clientOf,
  DeviceMeasurements,
  kbpsOf,
  missingFeatures,
  networkResultOf,
  preVisitCheckOf,
} from './device-check-result';

const SUPPORTED: BrowserSupport = {
  mediaDevices: true,
  peerConnection: true,
  webSocket: true,
  fetchStreams: true,
};
const GOOD: DeviceMeasurements = {
  camera: 'frames',
  microphone: 'sound',
  support: SUPPORTED,
  downlinkKbps: 12_000.4,
  rttMs: 42.6,
};
const PHONE = { device: 'mobile', browser: 'safari' } as const;
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the device check as sessions records it', () => {
  it('passes a working camera, microphone and connection; the speaker is not tested', () => {
    expect(preVisitCheckOf(ID, GOOD, PHONE)).toEqual({
      participantId: ID,
      checks: { camera: 'pass', microphone: 'pass', speaker: 'skipped', network: 'pass' },
      network: { downlinkKbps: 12_000, uplinkKbps: 12_000, rttMs: 43 },
      client: PHONE,
    });
  });

  it('fails camera and microphone that were not allowed', () => {
    const check = preVisitCheckOf(ID, { ...GOOD, camera: 'none', microphone: 'none' }, PHONE);
    expect(check.checks).toMatchObject({ camera: 'fail', microphone: 'fail', network: 'pass' });
  });

  it('warns of a camera without frames and a silent microphone', () => {
    const check = preVisitCheckOf(
      ID,
      { ...GOOD, camera: 'no-frames', microphone: 'silent' },
      PHONE,
    );
    expect(check.checks).toMatchObject({ camera: 'warn', microphone: 'warn' });
  });

  it('fails the media without media devices and the connection without peer connections', () => {
    const support = { ...SUPPORTED, mediaDevices: false, peerConnection: false };
    const check = preVisitCheckOf(ID, { ...GOOD, support }, PHONE);
    expect(check.checks).toMatchObject({ camera: 'fail', microphone: 'fail', network: 'fail' });
    expect(missingFeatures(support)).toEqual(['mediaDevices', 'peerConnection']);
  });

  it('sends no figures it could not time, and fails the connection', () => {
    const check = preVisitCheckOf(
      ID,
      { ...GOOD, downlinkKbps: undefined, rttMs: undefined },
      PHONE,
    );
    expect(check.network).toBeUndefined();
    expect(check.checks.network).toBe('fail');
  });

  it('keeps figures within what sessions accepts', () => {
    const check = preVisitCheckOf(ID, { ...GOOD, downlinkKbps: 9e9, rttMs: 1e6 }, PHONE);
    expect(check.network).toEqual({
      downlinkKbps: 10_000_000,
      uplinkKbps: 10_000_000,
      rttMs: 60_000,
    });
  });
});

describe('the connection from its estimate', () => {
  it.each([
    [5000, 50, 'pass'],
    [1500, 300, 'pass'],
    [1499, 50, 'warn'],
    [5000, 301, 'warn'],
    [400, 800, 'warn'],
    [399, 50, 'fail'],
    [5000, 801, 'fail'],
  ])('%i kbit/s and %i ms: %s', (downlinkKbps, rttMs, expected) => {
    expect(networkResultOf({ downlinkKbps, rttMs })).toBe(expected);
  });

  it('times a download in kilobits per second', () => {
    expect(kbpsOf(250_000, 1000)).toBe(2000);
    expect(kbpsOf(1000, 0)).toBe(8000);
  });
});

describe('the client from its user agent', () => {
  it.each([
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'mobile',
      'safari',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      'mobile',
      'chrome',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      'tablet',
      'chrome',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      'desktop',
      'edge',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'desktop',
      'firefox',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
      'desktop',
      'chrome',
    ],
    ['curl/8.0', 'desktop', 'other'],
  ])('%s', (ua, device, browser) => {
    expect(clientOf(ua)).toEqual({ device, browser });
  });
});
