import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppointmentCard } from './appointment-card';
import { ConsentDeclined, ConsentStep } from './consent-step';
import { DeviceCheck } from './device-check';
import { openCameraAndMicrophone } from './device-probe';
import { LanguageSwitch } from './language-switch';
import { LiveVisit } from './live-visit';
import { problemDetail } from './problem-detail';
import { SurveyForm, Thanks } from './survey-form';
import { Visit, VisitApi, VisitStatus } from './visit-api';
import { ownsVisit, PageProgress, stageOf } from './visit-flow';
import { languageFromBrowser, VisitLanguage } from './visit-language';
import { VISIT_STRINGS } from './visit-strings';
import './visit.css';

const FRESH: PageProgress = { consentGiven: false, consentDeclined: false, surveyAnswered: false };

/** The join link's token: the part after #, which browsers never send to a server. */
const tokenOfLink = (): string => decodeURIComponent(window.location.hash.slice(1));

/**
 * A participant's visit, opened from their join link: the appointment, consent when the
 * patient has none on record, the device check, the waiting room and the visit followed live,
 * then the survey. Everything it shows comes from the link holder's routes of sessions.
 */
export function VisitPage() {
  const token = useMemo(tokenOfLink, []);
  const [language, setLanguage] = useState<VisitLanguage>(() =>
    languageFromBrowser(navigator.languages?.length ? navigator.languages : [navigator.language]),
  );
  const strings = VISIT_STRINGS[language];
  const api = useMemo(() => new VisitApi(token, language), [token, language]);
  const [visit, setVisit] = useState<Visit>();
  const [refused, setRefused] = useState<string>();
  const [status, setStatus] = useState<VisitStatus>();
  const [connected, setConnected] = useState(true);
  const [progress, setProgress] = useState<PageProgress>(FRESH);
  const [stream, setStream] = useState<MediaStream>();
  const [audioOnly, setAudioOnly] = useState(false);
  const [entering, setEntering] = useState(false);
  const [joinError, setJoinError] = useState<string>();
  const stopFollowing = useRef<() => void>(undefined);
  const inRoom = useRef(false);

  const own = visit ? ownsVisit(visit.role) : true;
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${strings.title(own)} · Telehealth Coordinator`;
  }, [language, strings, own]);

  const follow = useCallback((through: VisitApi) => {
    stopFollowing.current?.();
    const stop = through.follow({
      onStatus: (next) => {
        setStatus(next);
        // The stream closes after the end; following it again would only hear the end again.
        if (next.state === 'ended') stop();
      },
      onRefused: (problem) => setRefused(problemDetail(problem)),
      onConnectionChange: setConnected,
    });
    stopFollowing.current = stop;
  }, []);

  // The link is read once; a refusal is read again in a newly chosen language.
  useEffect(() => {
    if (!token) return;
    if (visit && !refused) return;
    api.visit().then(
      (read) => {
        setVisit(read);
        setRefused(undefined);
        setAudioOnly(read.audioOnly);
        if (read.state !== 'scheduled' && read.state !== 'ended') follow(api);
      },
      (failure: unknown) => setRefused(problemDetail(failure)),
    );
  }, [api, token]);

  useEffect(
    () => () => {
      stopFollowing.current?.();
    },
    [],
  );
  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);

  const state = status?.state ?? visit?.state;
  const stage = visit && state ? stageOf({ ...visit, state }, progress) : undefined;

  // Once admitted the participant enters the room (the join records them there), with the
  // camera on unless they chose audio only; after a reload the camera opens again.
  useEffect(() => {
    if (state !== 'admitted' || inRoom.current) return;
    inRoom.current = true;
    if (visit?.role === 'patient')
      void api.join(audioOnly ? 'audio' : 'video').catch(() => undefined);
    if (!stream && !audioOnly) void openCameraAndMicrophone().then(setStream);
  }, [state, api, audioOnly, stream, visit?.role]);

  const enter = async (media: 'video' | 'audio') => {
    setEntering(true);
    setJoinError(undefined);
    try {
      if (media === 'audio') {
        stream?.getVideoTracks().forEach((track) => track.stop());
        setAudioOnly(true);
      }
      const joined = await api.join(media);
      if (joined.status === 'in-visit') inRoom.current = true;
      setStatus({
        state: joined.status === 'in-visit' ? 'admitted' : 'waiting',
        ...(joined.position ? { position: joined.position } : {}),
        ...(joined.room ? { room: joined.room } : {}),
      });
      follow(api);
    } catch (failure) {
      setJoinError(problemDetail(failure));
    }
    setEntering(false);
  };

  return (
    <main id="main" className="narrow visit-page">
      <div className="visit-header">
        <h1>{strings.title(own)}</h1>
        <LanguageSwitch language={language} label={strings.languageSwitch} onChange={setLanguage} />
      </div>
      {!token && <p className="error">{strings.noToken}</p>}
      {token && refused && (
        <section className="card" role="alert" aria-labelledby="refused-heading">
          <h2 id="refused-heading">{strings.linkRefused}</h2>
          <p>{refused}</p>
        </section>
      )}
      {token && !refused && !visit && <p aria-live="polite">{strings.checkingLink}</p>}
      {visit && !refused && (
        <>
          <AppointmentCard visit={visit} language={language} strings={strings} />
          {stage === 'consent' && (
            <ConsentStep
              api={api}
              strings={strings}
              onAgreed={() => setProgress((p) => ({ ...p, consentGiven: true }))}
              onDeclined={() => setProgress((p) => ({ ...p, consentDeclined: true }))}
            />
          )}
          {stage === 'declined' && (
            <ConsentDeclined
              strings={strings}
              {...(visit.clinicName ? { clinicName: visit.clinicName } : {})}
              onReadAgain={() => setProgress((p) => ({ ...p, consentDeclined: false }))}
            />
          )}
          {stage === 'check' && (
            <DeviceCheck
              api={api}
              strings={strings}
              participantId={visit.participantId}
              own={own}
              {...(stream ? { stream } : {})}
              onStream={setStream}
              onEnter={enter}
              entering={entering}
            />
          )}
          {joinError && (
            <p className="error" role="alert">
              {strings.somethingFailed(joinError)}
            </p>
          )}
          {stage === 'live' && state && (
            <LiveVisit
              api={api}
              strings={strings}
              own={own}
              state={state}
              {...((status?.position ?? visit.position)
                ? { position: status?.position ?? visit.position }
                : {})}
              {...(status?.room ? { room: status.room } : {})}
              connected={connected}
              {...(stream ? { stream } : {})}
              audioOnly={audioOnly}
              onAudioOnly={() => setAudioOnly(true)}
              onRejoin={async () => {
                await api.join(audioOnly ? 'audio' : 'video');
              }}
            />
          )}
          {stage === 'survey' && (
            <SurveyForm
              api={api}
              strings={strings}
              language={language}
              onAnswered={() => setProgress((p) => ({ ...p, surveyAnswered: true }))}
            />
          )}
          {stage === 'thanks' && (
            <Thanks
              strings={strings}
              own={own}
              surveyed={progress.surveyAnswered || visit.surveyed}
            />
          )}
        </>
      )}
    </main>
  );
}
