import { useState } from 'react';
import { CameraPreview } from './camera-preview';
import {
  clientOf,
  DeviceMeasurements,
  missingFeatures,
  PartResult,
  PreVisitCheck,
  preVisitCheckOf,
} from './device-check-result';
import {
  browserSupport,
  cameraOf,
  connectionOf,
  microphoneOf,
  openCameraAndMicrophone,
} from './device-probe';
import { problemDetail } from './problem-detail';
import type { CheckAnswer, VisitApi } from './visit-api';
import type { VisitStrings } from './visit-strings';

const LISTEN_MS = 4000;
const BADGE: Record<PartResult, string> = {
  pass: 'ok',
  warn: 'warn',
  fail: 'bad',
  skipped: 'muted',
};

/**
 * The device check before the visit: the real camera (previewed) and microphone (a level
 * meter), what the browser supports and a timed estimate of the connection, recorded with
 * sessions. A failed part shows the playbook's steps, then a new check or audio only.
 */
export function DeviceCheck(props: {
  api: VisitApi;
  strings: VisitStrings;
  participantId: string;
  own: boolean;
  stream?: MediaStream;
  onStream: (stream: MediaStream | undefined) => void;
  onEnter: (media: 'video' | 'audio') => void;
  entering: boolean;
}) {
  const { strings } = props;
  const [running, setRunning] = useState(false);
  const [level, setLevel] = useState(0);
  const [measured, setMeasured] = useState<DeviceMeasurements>();
  const [check, setCheck] = useState<PreVisitCheck>();
  const [answer, setAnswer] = useState<CheckAnswer>();
  const [error, setError] = useState<string>();

  const run = async () => {
    setRunning(true);
    setAnswer(undefined);
    setError(undefined);
    setMeasured(undefined);
    props.stream?.getTracks().forEach((track) => track.stop());
    const support = browserSupport();
    const stream = await openCameraAndMicrophone();
    props.onStream(stream);
    const [camera, microphone, connection] = await Promise.all([
      cameraOf(stream),
      microphoneOf(stream, LISTEN_MS, setLevel),
      connectionOf(),
    ]);
    const results: DeviceMeasurements = { camera, microphone, support, ...connection };
    const recorded = preVisitCheckOf(props.participantId, results, clientOf(navigator.userAgent));
    setMeasured(results);
    setCheck(recorded);
    try {
      setAnswer(await props.api.check(recorded));
    } catch (failure) {
      setError(problemDetail(failure));
    }
    setRunning(false);
  };

  const failed = answer?.result === 'failed';
  const done = !running && (answer !== undefined || error !== undefined);
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading">{strings.checkTitle}</h2>
      <p>{strings.checkIntro}</p>
      {props.stream && props.stream.getVideoTracks().length > 0 && (
        <CameraPreview stream={props.stream} label={strings.cameraPreview} />
      )}
      {running && (
        <div className="meter">
          <label htmlFor="mic-level">{strings.micLevel}</label>
          <meter id="mic-level" min={0} max={100} low={10} value={level}>
            {level}
          </meter>
        </div>
      )}
      <p className="live" aria-live="polite">
        {running ? strings.checking : ''}
      </p>
      {measured && check && <CheckResults strings={strings} measured={measured} check={check} />}
      {answer && (
        <div aria-live="polite">
          <p className={failed ? 'error' : answer.result === 'warning' ? 'warn' : 'ok'}>
            {failed
              ? strings.checkFailed
              : answer.result === 'warning'
                ? strings.checkWarning
                : strings.checkPassed}
          </p>
          {answer.steps.length > 0 && (
            <ol className="steps">
              {answer.steps.map((step, index) => (
                <li key={index}>{step.text}</li>
              ))}
            </ol>
          )}
          {answer.issueId && <p>{strings.coordinatorTold}</p>}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {strings.somethingFailed(error)}
        </p>
      )}
      <div className="actions">
        {!done && (
          <button type="button" className="primary" disabled={running} onClick={run}>
            {strings.startCheck}
          </button>
        )}
        {done && !failed && (
          <button
            type="button"
            className="primary"
            disabled={props.entering}
            onClick={() => props.onEnter('video')}
          >
            {props.entering ? strings.entering : strings.enter(props.own)}
          </button>
        )}
        {done && (
          <button type="button" disabled={props.entering} onClick={run}>
            {strings.checkAgain}
          </button>
        )}
        {done && failed && (
          <button type="button" disabled={props.entering} onClick={() => props.onEnter('audio')}>
            {strings.continueAudioOnly}
          </button>
        )}
      </div>
    </section>
  );
}

/** Each part in words, with what was measured. */
function CheckResults(props: {
  strings: VisitStrings;
  measured: DeviceMeasurements;
  check: PreVisitCheck;
}) {
  const { strings, measured, check } = props;
  const missing = missingFeatures(measured.support);
  const note: Record<keyof PreVisitCheck['checks'], string | undefined> = {
    camera: measured.camera === 'none' ? strings.cameraBlocked : undefined,
    microphone: measured.microphone === 'silent' ? strings.micSilent : undefined,
    speaker: strings.speakerUntested,
    network:
      measured.downlinkKbps !== undefined && measured.rttMs !== undefined
        ? strings.networkEstimate(
            (measured.downlinkKbps / 1000).toFixed(1),
            Math.round(measured.rttMs),
          )
        : strings.networkUnmeasured,
  };
  return (
    <>
      <h3>{strings.results}</h3>
      <ul className="check-results">
        {(Object.keys(check.checks) as (keyof PreVisitCheck['checks'])[]).map((part) => (
          <li key={part}>
            <strong>{strings.parts[part]}</strong>{' '}
            <span className={`badge ${BADGE[check.checks[part]]}`}>
              {strings.partResult[check.checks[part]]}
            </span>
            {note[part] && <span className="hint"> {note[part]}</span>}
          </li>
        ))}
        <li>
          <strong>{strings.parts.browser}</strong>{' '}
          <span className={`badge ${missing.length ? 'bad' : 'ok'}`}>
            {strings.partResult[missing.length ? 'fail' : 'pass']}
          </span>{' '}
          <span className="hint">
            {missing.length
              ? strings.browserMissing(
                  missing.map((feature) => strings.features[feature]).join(', '),
                )
              : strings.browserSupported}
          </span>
        </li>
      </ul>
    </>
  );
}
