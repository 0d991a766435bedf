import { useEffect, useState } from 'react';
import { CameraPreview } from './camera-preview';
import { problemDetail } from './problem-detail';
import { ReportProblem } from './report-problem';
import type { Room, VisitApi } from './visit-api';
import type { VisitState } from './visit-flow';
import type { VisitStrings } from './visit-strings';

type AudioOnlyTrigger = 'device-failure' | 'participant-choice';

/** The status line of the live visit, as a screen reader hears it when it changes. */
export function statusText(
  strings: VisitStrings,
  state: VisitState,
  own: boolean,
  position?: number,
): string {
  switch (state) {
    case 'scheduled':
      return strings.scheduled;
    case 'waiting':
      return strings.waiting(position);
    case 'provider-joining':
      return strings.providerJoining;
    case 'admitted':
      return strings.admitted(own);
    case 'ended':
      return strings.ended(own);
  }
}

/**
 * The visit as it happens: the waiting room with the place in line, the provider joining,
 * then the visit itself. The video platform is the clinic's; this page shows the participant
 * their own camera and the controls around the call.
 */
export function LiveVisit(props: {
  api: VisitApi;
  strings: VisitStrings;
  own: boolean;
  state: VisitState;
  position?: number;
  room?: Room;
  connected: boolean;
  stream?: MediaStream;
  audioOnly: boolean;
  onAudioOnly: () => void;
  onRejoin: () => Promise<void>;
}) {
  const { strings } = props;
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{strings.status}</h2>
      <div aria-live="polite" className="status-line">
        <p className="status">{statusText(strings, props.state, props.own, props.position)}</p>
        {!props.connected && <p className="hint">{strings.reconnecting}</p>}
      </div>
      {props.state !== 'admitted' && <p className="hint">{strings.stayOnPage}</p>}
      {props.state === 'admitted' && <InVisit {...props} />}
    </section>
  );
}

function InVisit(props: Parameters<typeof LiveVisit>[0]) {
  const { api, strings, stream, audioOnly } = props;
  const [videoLost, setVideoLost] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [left, setLeft] = useState(false);
  const [error, setError] = useState<string>();
  const video = stream?.getVideoTracks()[0];

  // A camera that stops (unplugged, taken by another app, stopped by the system) ends its
  // track; `ended` does not fire for every cause, so the track is also looked at every second.
  useEffect(() => {
    if (!video || audioOnly) return;
    const lost = () => setVideoLost(true);
    video.addEventListener('ended', lost);
    const timer = setInterval(() => video.readyState === 'ended' && lost(), 1000);
    return () => {
      video.removeEventListener('ended', lost);
      clearInterval(timer);
    };
  }, [video, audioOnly]);

  const switchToAudioOnly = async (trigger: AudioOnlyTrigger) => {
    setError(undefined);
    stream?.getVideoTracks().forEach((track) => track.stop());
    try {
      await api.audioOnly(trigger);
      setVideoLost(false);
      props.onAudioOnly();
    } catch (failure) {
      setError(problemDetail(failure));
    }
  };

  const leave = async () => {
    setError(undefined);
    try {
      await api.leave();
      setLeft(true);
    } catch (failure) {
      setError(problemDetail(failure));
    }
  };

  const rejoin = async () => {
    setError(undefined);
    try {
      await props.onRejoin();
      setLeft(false);
    } catch (failure) {
      setError(problemDetail(failure));
    }
  };

  if (left)
    return (
      <div className="in-visit">
        <p role="status">{strings.left}</p>
        <button type="button" className="primary" onClick={rejoin}>
          {strings.rejoin}
        </button>
        {error && (
          <p className="error" role="alert">
            {strings.somethingFailed(error)}
          </p>
        )}
      </div>
    );
  return (
    <div className="in-visit">
      {props.room && <p>{strings.roomNote}</p>}
      {stream && video && video.readyState === 'live' && !audioOnly && (
        <CameraPreview stream={stream} label={strings.cameraPreview} />
      )}
      {audioOnly && (
        <p className="notice" role="status">
          {strings.audioOnlyOn}
        </p>
      )}
      {videoLost && !audioOnly && (
        <div className="notice" role="alert">
          <p>{strings.videoLost}</p>
          <button
            type="button"
            className="primary"
            onClick={() => switchToAudioOnly('device-failure')}
          >
            {strings.switchAudioOnly}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {strings.somethingFailed(error)}
        </p>
      )}
      <div className="actions">
        {!audioOnly && !videoLost && (
          <button type="button" onClick={() => switchToAudioOnly('participant-choice')}>
            {strings.switchAudioOnly}
          </button>
        )}
        {!reporting && (
          <button type="button" onClick={() => setReporting(true)}>
            {strings.reportProblem}
          </button>
        )}
        <button type="button" className="danger" onClick={leave}>
          {strings.leave}
        </button>
      </div>
      {reporting && (
        <ReportProblem api={api} strings={strings} onClose={() => setReporting(false)} />
      )}
    </div>
  );
}
