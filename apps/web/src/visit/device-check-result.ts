/**
 * What the page measured on the patient's device, and the pre-visit check sessions records
 * from it (its PreVisitCheckDto). Pure, so the thresholds are read and tested in one place.
 */
export type PartResult = 'pass' | 'warn' | 'fail' | 'skipped';
export type Device = 'desktop' | 'mobile' | 'tablet';
export type Browser = 'chrome' | 'edge' | 'firefox' | 'safari' | 'other';

/** The browser features a video visit needs; each missing one is named to the patient. */
export interface BrowserSupport {
  readonly mediaDevices: boolean;
  readonly peerConnection: boolean;
  readonly webSocket: boolean;
  readonly fetchStreams: boolean;
}

export interface DeviceMeasurements {
  /** none: not allowed, or not found. */
  readonly camera: 'frames' | 'no-frames' | 'none';
  readonly microphone: 'sound' | 'silent' | 'none';
  readonly support: BrowserSupport;
  /** A timed download of a page asset; undefined when it could not be timed. */
  readonly downlinkKbps?: number;
  readonly rttMs?: number;
}

export interface PreVisitCheck {
  readonly participantId: string;
  readonly checks: {
    readonly camera: PartResult;
    readonly microphone: PartResult;
    readonly speaker: PartResult;
    readonly network: PartResult;
  };
  readonly network?: { downlinkKbps: number; uplinkKbps: number; rttMs: number };
  readonly client: { device: Device; browser: Browser };
}

/** Below these a video visit stutters (warn) or does not hold (fail). */
export const NETWORK_LIMITS = {
  pass: { downlinkKbps: 1500, rttMs: 300 },
  warn: { downlinkKbps: 400, rttMs: 800 },
} as const;

export const missingFeatures = (support: BrowserSupport): (keyof BrowserSupport)[] =>
  (Object.keys(support) as (keyof BrowserSupport)[]).filter((feature) => !support[feature]);

export function networkResultOf(
  measured: Pick<DeviceMeasurements, 'downlinkKbps' | 'rttMs'>,
): PartResult {
  const { downlinkKbps, rttMs } = measured;
  if (downlinkKbps === undefined || rttMs === undefined) return 'fail';
  const meets = (limit: { downlinkKbps: number; rttMs: number }) =>
    downlinkKbps >= limit.downlinkKbps && rttMs <= limit.rttMs;
  if (meets(NETWORK_LIMITS.pass)) return 'pass';
  return meets(NETWORK_LIMITS.warn) ? 'warn' : 'fail';
}

const CAMERA: Record<DeviceMeasurements['camera'], PartResult> = {
  frames: 'pass',
  'no-frames': 'warn',
  none: 'fail',
};
const MICROPHONE: Record<DeviceMeasurements['microphone'], PartResult> = {
  sound: 'pass',
  silent: 'warn',
  none: 'fail',
};

/**
 * The check as sessions records it. A browser without media devices cannot use the camera or
 * microphone; one without peer connections, WebSocket or fetch streams cannot carry the visit,
 * which is the connection failing. The speaker is not tested by the page (the patient hears
 * the others at the start). The page can time a download but has nowhere to time an upload
 * to, so the uplink sent is the download's estimate: an estimate, not a measurement.
 */
export function preVisitCheckOf(
  participantId: string,
  measured: DeviceMeasurements,
  client: { device: Device; browser: Browser },
): PreVisitCheck {
  const { support } = measured;
  const carriesVisit = support.peerConnection && support.webSocket && support.fetchStreams;
  const camera: PartResult = support.mediaDevices ? CAMERA[measured.camera] : 'fail';
  const microphone: PartResult = support.mediaDevices ? MICROPHONE[measured.microphone] : 'fail';
  const network: PartResult = carriesVisit ? networkResultOf(measured) : 'fail';
  const { downlinkKbps, rttMs } = measured;
  return {
    participantId,
    checks: { camera, microphone, speaker: 'skipped', network },
    ...(downlinkKbps !== undefined && rttMs !== undefined
      ? {
          network: {
            downlinkKbps: clamp(downlinkKbps, 10_000_000),
            uplinkKbps: clamp(downlinkKbps, 10_000_000),
            rttMs: clamp(rttMs, 60_000),
          },
        }
      : {}),
    client,
  };
}

const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, Math.round(value)));

/** The kind of device and browser, from the user agent, as the coordinators' playbook needs. */
export function clientOf(userAgent: string): { device: Device; browser: Browser } {
  const ua = userAgent.toLowerCase();
  const device: Device = /ipad|tablet|(android(?!.*mobile))/.test(ua)
    ? 'tablet'
    : /mobi|iphone|ipod|android/.test(ua)
      ? 'mobile'
      : 'desktop';
  const browser: Browser = /edg\//.test(ua)
    ? 'edge'
    : /firefox\/|fxios\//.test(ua)
      ? 'firefox'
      : /chrome\/|chromium\/|crios\//.test(ua)
        ? 'chrome'
        : /safari\//.test(ua)
          ? 'safari'
          : 'other';
  return { device, browser };
}

/** Kilobits per second of a download of `bytes` that took `ms`. */
export const kbpsOf = (bytes: number, ms: number): number => (bytes * 8) / Math.max(ms, 1);
