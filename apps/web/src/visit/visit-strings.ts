import type { BrowserSupport, PartResult } from './device-check-result';
import type { Problem } from './problem-reports';
import type { VisitLanguage } from './visit-language';

/**
 * Every text of the visit page, in English and Spanish. `own` is true on the patient's page
 * ("your visit"), false on an interpreter's or caregiver's ("the visit").
 */
export interface VisitStrings {
  readonly title: (own: boolean) => string;
  readonly languageSwitch: string;
  readonly checkingLink: string;
  readonly noToken: string;
  readonly linkRefused: string;
  readonly somethingFailed: (detail: string) => string;

  readonly appointment: string;
  readonly when: string;
  readonly zone: (place: string) => string;
  readonly provider: string;
  readonly clinic: string;
  readonly notKnownYet: string;

  readonly agree: string;
  readonly disagree: string;
  readonly declinedTitle: string;
  readonly declined: (clinic?: string) => string;
  readonly readConsentAgain: string;

  readonly checkTitle: string;
  readonly checkIntro: string;
  readonly startCheck: string;
  readonly checking: string;
  readonly cameraPreview: string;
  readonly micLevel: string;
  readonly results: string;
  readonly parts: Readonly<
    Record<'camera' | 'microphone' | 'speaker' | 'network' | 'browser', string>
  >;
  readonly partResult: Readonly<Record<PartResult, string>>;
  readonly cameraBlocked: string;
  readonly micSilent: string;
  readonly speakerUntested: string;
  readonly networkEstimate: (mbps: string, rttMs: number) => string;
  readonly networkUnmeasured: string;
  readonly browserSupported: string;
  readonly browserMissing: (features: string) => string;
  readonly features: Readonly<Record<keyof BrowserSupport, string>>;
  readonly checkPassed: string;
  readonly checkWarning: string;
  readonly checkFailed: string;
  readonly coordinatorTold: string;
  readonly checkAgain: string;
  readonly continueAudioOnly: string;

  readonly enter: (own: boolean) => string;
  readonly entering: string;
  readonly status: string;
  readonly waiting: (position?: number) => string;
  readonly providerJoining: string;
  readonly admitted: (own: boolean) => string;
  readonly scheduled: string;
  readonly reconnecting: string;
  readonly stayOnPage: string;

  readonly roomNote: string;
  readonly switchAudioOnly: string;
  readonly audioOnlyOn: string;
  readonly videoLost: string;
  readonly leave: string;
  readonly left: string;
  readonly rejoin: string;

  readonly reportProblem: string;
  readonly whatIsWrong: string;
  readonly problems: Readonly<Record<Problem, string>>;
  readonly tellUsMore: string;
  readonly send: string;
  readonly cancel: string;
  readonly close: string;
  readonly coordinatorToldIssue: string;
  readonly trySteps: string;

  readonly ended: (own: boolean) => string;
  readonly surveyTitle: string;
  readonly surveyIntro: string;
  readonly optional: string;
  readonly scaleEnds: (low: string, high: string) => string;
  readonly scaleWords: Readonly<
    Record<'overall' | 'wouldRecommend' | 'technicalQuality', [string, string]>
  >;
  readonly answerRequired: (questions: string) => string;
  readonly sendAnswers: string;
  readonly thanksTitle: string;
  readonly thanksSurvey: string;
  readonly thanksClose: string;
}

const en: VisitStrings = {
  title: (own) => (own ? 'Your visit' : 'The visit'),
  languageSwitch: 'Language',
  checkingLink: 'Checking your link…',
  noToken:
    'This page needs the link from your appointment message. Open that link again, or ask the clinic to send you a new one.',
  linkRefused: 'This link cannot be used',
  somethingFailed: (detail) => `That did not work: ${detail}`,

  appointment: 'Appointment',
  when: 'When',
  zone: (place) => `(${place} time)`,
  provider: 'Provider',
  clinic: 'Clinic',
  notKnownYet: 'Not known yet',

  agree: 'I agree',
  disagree: 'I do not agree',
  declinedTitle: 'You did not agree',
  declined: (clinic) =>
    `Nothing was recorded. A video visit needs your consent. To be seen in person instead, call ${clinic ?? 'your clinic'} and ask to change this appointment to an in-person visit.`,
  readConsentAgain: 'Read the consent again',

  checkTitle: 'Check your camera, microphone and connection',
  checkIntro:
    'Your browser will ask to use your camera and microphone: choose Allow. The check takes a few seconds; say a few words while it runs.',
  startCheck: 'Start the check',
  checking: 'Checking… say a few words.',
  cameraPreview: 'Your camera (only you see this preview)',
  micLevel: 'Microphone level',
  results: 'Results',
  parts: {
    camera: 'Camera',
    microphone: 'Microphone',
    speaker: 'Speaker',
    network: 'Connection',
    browser: 'Browser',
  },
  partResult: { pass: 'Works', warn: 'Check this', fail: 'Not working', skipped: 'Not tested' },
  cameraBlocked: 'The camera and microphone were not allowed, or none was found.',
  micSilent: 'No sound was heard from the microphone.',
  speakerUntested: 'You will hear the others when the visit starts.',
  networkEstimate: (mbps, rttMs) =>
    `About ${mbps} Mbit/s download and ${rttMs} ms response time (an estimate).`,
  networkUnmeasured: 'The connection could not be measured.',
  browserSupported: 'This browser can hold a video visit.',
  browserMissing: (features) =>
    `This browser lacks ${features}. Try an up-to-date Chrome, Edge, Firefox or Safari.`,
  features: {
    mediaDevices: 'camera and microphone access',
    peerConnection: 'video calls (WebRTC)',
    webSocket: 'live connections (WebSocket)',
    fetchStreams: 'live updates (streams)',
  },
  checkPassed: 'Everything works. You are ready.',
  checkWarning: 'You can continue, but some parts may not work well.',
  checkFailed: 'Something is not working. Try these steps:',
  coordinatorTold: 'A coordinator has been told and may contact you.',
  checkAgain: 'Check again',
  continueAudioOnly: 'Continue with audio only',

  enter: (own) => (own ? 'Enter the waiting room' : 'Join the visit'),
  entering: 'Joining…',
  status: 'Status',
  waiting: (position) =>
    position
      ? `You are in the waiting room. Your place in line: ${position}. Please stay on this page.`
      : 'You are in the waiting room. Please stay on this page.',
  providerJoining: 'Your provider is joining. Please stay on this page.',
  admitted: (own) => (own ? 'You are in your visit' : 'You are in the visit'),
  scheduled: 'Not in the visit yet.',
  reconnecting: 'Reconnecting…',
  stayOnPage: 'This page updates by itself.',

  roomNote: "The call runs through the clinic's video service on this device.",
  switchAudioOnly: 'Switch to audio only',
  audioOnlyOn: 'You are on audio only: the others hear you but do not see you.',
  videoLost: 'Your camera stopped working. You can continue with sound only.',
  leave: 'Leave the visit',
  left: 'You left the visit.',
  rejoin: 'Join again',

  reportProblem: 'Report a problem',
  whatIsWrong: 'What is wrong?',
  problems: {
    'no-video': 'The others cannot see me',
    'cannot-see': 'I cannot see the others',
    'no-sound': 'The others cannot hear me',
    'cannot-hear': 'I cannot hear the others',
    'connection-drops': 'The connection keeps dropping',
    device: 'My phone or computer is not working',
    other: 'Something else',
  },
  tellUsMore: 'Tell us more (optional)',
  send: 'Send',
  cancel: 'Cancel',
  close: 'Close',
  coordinatorToldIssue: 'The coordinator has been told and will help you.',
  trySteps: 'Try these steps',

  ended: (own) => (own ? 'Your visit has ended.' : 'The visit has ended.'),
  surveyTitle: 'How was your visit?',
  surveyIntro: 'A few short questions help the clinic improve its video visits.',
  optional: '(optional)',
  scaleEnds: (low, high) => `${low} to ${high}`,
  scaleWords: {
    overall: ['1 = not at all satisfied', '5 = very satisfied'],
    wouldRecommend: ['0 = not at all likely', '10 = very likely'],
    technicalQuality: ['1 = very poor', '5 = very good'],
  },
  answerRequired: (questions) => `Please answer: ${questions}`,
  sendAnswers: 'Send my answers',
  thanksTitle: 'Thank you',
  thanksSurvey: 'Your answers were received.',
  thanksClose: 'You can close this page now.',
};

const es: VisitStrings = {
  title: (own) => (own ? 'Su visita' : 'La visita'),
  languageSwitch: 'Idioma',
  checkingLink: 'Comprobando su enlace…',
  noToken:
    'Esta página necesita el enlace de su mensaje de cita. Abra ese enlace otra vez o pida a la clínica que le envíe uno nuevo.',
  linkRefused: 'Este enlace no se puede usar',
  somethingFailed: (detail) => `No se pudo hacer: ${detail}`,

  appointment: 'Cita',
  when: 'Cuándo',
  zone: (place) => `(hora de ${place})`,
  provider: 'Profesional',
  clinic: 'Clínica',
  notKnownYet: 'Aún no se sabe',

  agree: 'Acepto',
  disagree: 'No acepto',
  declinedTitle: 'Usted no aceptó',
  declined: (clinic) =>
    `No se registró nada. Una visita por video necesita su consentimiento. Para que lo atiendan en persona, llame a ${clinic ?? 'su clínica'} y pida cambiar esta cita a una visita en persona.`,
  readConsentAgain: 'Leer el consentimiento otra vez',

  checkTitle: 'Pruebe su cámara, micrófono y conexión',
  checkIntro:
    'Su navegador le pedirá usar la cámara y el micrófono: elija Permitir. La prueba dura unos segundos; diga unas palabras mientras tanto.',
  startCheck: 'Empezar la prueba',
  checking: 'Probando… diga unas palabras.',
  cameraPreview: 'Su cámara (solo usted ve esta vista previa)',
  micLevel: 'Nivel del micrófono',
  results: 'Resultados',
  parts: {
    camera: 'Cámara',
    microphone: 'Micrófono',
    speaker: 'Altavoz',
    network: 'Conexión',
    browser: 'Navegador',
  },
  partResult: { pass: 'Funciona', warn: 'Revise esto', fail: 'No funciona', skipped: 'No probado' },
  cameraBlocked: 'No se permitió la cámara ni el micrófono, o no se encontró ninguno.',
  micSilent: 'No se oyó ningún sonido del micrófono.',
  speakerUntested: 'Oirá a los demás cuando empiece la visita.',
  networkEstimate: (mbps, rttMs) =>
    `Unos ${mbps} Mbit/s de descarga y ${rttMs} ms de respuesta (una estimación).`,
  networkUnmeasured: 'No se pudo medir la conexión.',
  browserSupported: 'Este navegador permite una visita por video.',
  browserMissing: (features) =>
    `A este navegador le falta ${features}. Pruebe con Chrome, Edge, Firefox o Safari actualizados.`,
  features: {
    mediaDevices: 'acceso a la cámara y al micrófono',
    peerConnection: 'llamadas de video (WebRTC)',
    webSocket: 'conexiones en vivo (WebSocket)',
    fetchStreams: 'actualizaciones en vivo (streams)',
  },
  checkPassed: 'Todo funciona. Está listo.',
  checkWarning: 'Puede continuar, pero algunas partes podrían no funcionar bien.',
  checkFailed: 'Algo no funciona. Pruebe estos pasos:',
  coordinatorTold: 'Se avisó a un coordinador, que puede comunicarse con usted.',
  checkAgain: 'Probar otra vez',
  continueAudioOnly: 'Continuar solo con audio',

  enter: (own) => (own ? 'Entrar a la sala de espera' : 'Unirse a la visita'),
  entering: 'Entrando…',
  status: 'Estado',
  waiting: (position) =>
    position
      ? `Está en la sala de espera. Su lugar en la fila: ${position}. Por favor, quédese en esta página.`
      : 'Está en la sala de espera. Por favor, quédese en esta página.',
  providerJoining: 'Su profesional se está uniendo. Por favor, quédese en esta página.',
  admitted: (own) => (own ? 'Está en su visita' : 'Está en la visita'),
  scheduled: 'Todavía no está en la visita.',
  reconnecting: 'Reconectando…',
  stayOnPage: 'Esta página se actualiza sola.',

  roomNote: 'La llamada funciona con el servicio de video de la clínica en este dispositivo.',
  switchAudioOnly: 'Cambiar a solo audio',
  audioOnlyOn: 'Está solo con audio: los demás lo oyen pero no lo ven.',
  videoLost: 'Su cámara dejó de funcionar. Puede continuar solo con sonido.',
  leave: 'Salir de la visita',
  left: 'Salió de la visita.',
  rejoin: 'Volver a entrar',

  reportProblem: 'Informar un problema',
  whatIsWrong: '¿Qué está pasando?',
  problems: {
    'no-video': 'Los demás no me ven',
    'cannot-see': 'No veo a los demás',
    'no-sound': 'Los demás no me oyen',
    'cannot-hear': 'No oigo a los demás',
    'connection-drops': 'La conexión se corta',
    device: 'Mi teléfono o computadora no funciona',
    other: 'Otra cosa',
  },
  tellUsMore: 'Cuéntenos más (opcional)',
  send: 'Enviar',
  cancel: 'Cancelar',
  close: 'Cerrar',
  coordinatorToldIssue: 'Se avisó al coordinador, que lo ayudará.',
  trySteps: 'Pruebe estos pasos',

  ended: (own) => (own ? 'Su visita terminó.' : 'La visita terminó.'),
  surveyTitle: '¿Cómo fue su visita?',
  surveyIntro: 'Unas preguntas breves ayudan a la clínica a mejorar sus visitas por video.',
  optional: '(opcional)',
  scaleEnds: (low, high) => `${low} a ${high}`,
  scaleWords: {
    overall: ['1 = nada satisfecho', '5 = muy satisfecho'],
    wouldRecommend: ['0 = nada probable', '10 = muy probable'],
    technicalQuality: ['1 = muy malos', '5 = muy buenos'],
  },
  answerRequired: (questions) => `Por favor, responda: ${questions}`,
  sendAnswers: 'Enviar mis respuestas',
  thanksTitle: 'Gracias',
  thanksSurvey: 'Recibimos sus respuestas.',
  thanksClose: 'Ya puede cerrar esta página.',
};

export const VISIT_STRINGS: Readonly<Record<VisitLanguage, VisitStrings>> = { en, es };
