import type { BrowserSupport, DeviceMeasurements } from './device-check-result';
import { kbpsOf } from './device-check-result';

/** What the browser offers for a video visit. */
export function browserSupport(): BrowserSupport {
  return {
    mediaDevices: typeof navigator.mediaDevices?.getUserMedia === 'function',
    peerConnection: typeof window.RTCPeerConnection === 'function',
    webSocket: typeof window.WebSocket === 'function',
    fetchStreams: typeof ReadableStream === 'function' && 'body' in Response.prototype,
  };
}

/**
 * The camera and microphone, as the visit will use them. A device without a camera still
 * gets its microphone (for an audio-only visit); nothing allowed gives undefined.
 */
export async function openCameraAndMicrophone(): Promise<MediaStream | undefined> {
  if (!navigator.mediaDevices?.getUserMedia) return undefined;
  try {
    return await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return undefined;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the camera delivers pictures: a frame of some size within a few seconds. */
export async function cameraOf(
  stream: MediaStream | undefined,
): Promise<DeviceMeasurements['camera']> {
  const track = stream?.getVideoTracks()[0];
  if (!stream || !track || track.readyState !== 'live') return 'none';
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    for (let waited = 0; waited < 3000 && video.videoWidth === 0; waited += 100) await sleep(100);
    return video.videoWidth > 0 ? 'frames' : 'no-frames';
  } catch {
    return 'no-frames';
  } finally {
    video.srcObject = null;
  }
}

/**
 * Listens to the microphone for `ms`, reporting its level (0-100) as it goes for the meter,
 * and whether any sound louder than a quiet room came through.
 */
export async function microphoneOf(
  stream: MediaStream | undefined,
  ms: number,
  onLevel: (level: number) => void,
): Promise<DeviceMeasurements['microphone']> {
  const track = stream?.getAudioTracks()[0];
  if (!stream || !track) return 'none';
  const context = new AudioContext();
  try {
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let loudest = 0;
    for (let waited = 0; waited < ms; waited += 100) {
      await sleep(100);
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
      const rms = Math.sqrt(sum / samples.length);
      loudest = Math.max(loudest, rms);
      onLevel(Math.min(100, Math.round(rms * 300)));
    }
    return loudest > 0.01 ? 'sound' : 'silent';
  } finally {
    onLevel(0);
    void context.close();
  }
}

/**
 * An estimate of the connection: the round trip of a tiny request (the fastest of three), and
 * the download rate of the page's own script fetched again past every cache.
 */
export async function connectionOf(): Promise<Pick<DeviceMeasurements, 'downlinkKbps' | 'rttMs'>> {
  try {
    const trips: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await (await fetch('/health/live', { cache: 'no-store' })).arrayBuffer();
      trips.push(performance.now() - started);
    }
    const asset =
      document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '/index.html';
    const started = performance.now();
    const bytes = (await (await fetch(asset, { cache: 'no-store' })).arrayBuffer()).byteLength;
    return { rttMs: Math.min(...trips), downlinkKbps: kbpsOf(bytes, performance.now() - started) };
  } catch {
    return {};
  }
}
