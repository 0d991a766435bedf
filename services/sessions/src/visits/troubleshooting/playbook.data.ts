import type { IssueCategory, TroubleshootingStep } from '../domain/session.events';

export type Device = 'desktop' | 'mobile' | 'tablet';
export type Language = 'en' | 'es';

/** One guided step: the code the resolution records, and what the helper reads out. */
export interface PlaybookStep {
  readonly step: TroubleshootingStep;
  readonly text: Readonly<Record<Language, string>>;
}

const step = (code: TroubleshootingStep, en: string, es: string): PlaybookStep => ({
  step: code,
  text: { en, es },
});

const RELOAD = step(
  'reload-page',
  'Reload the visit page.',
  'Vuelva a cargar la página de la visita.',
);
const REJOIN = step(
  'rejoin',
  'Leave the visit and open your link again.',
  'Salga de la visita y abra su enlace otra vez.',
);
const PERMISSIONS_DESKTOP = step(
  'grant-permissions',
  'Click the camera icon in the address bar and allow the camera and microphone.',
  'Haga clic en el ícono de la cámara en la barra de direcciones y permita la cámara y el micrófono.',
);
const PERMISSIONS_MOBILE = step(
  'grant-permissions',
  'Open Settings, find your browser, and turn on Camera and Microphone.',
  'Abra Ajustes, busque su navegador y active Cámara y Micrófono.',
);
const SWITCH_DEVICE = step(
  'switch-device',
  'Try another device, such as a phone or a computer with a camera.',
  'Pruebe con otro dispositivo, como un teléfono o una computadora con cámara.',
);
const SWITCH_NETWORK = step(
  'switch-network',
  'Move closer to your Wi-Fi router, or switch between Wi-Fi and mobile data.',
  'Acérquese a su enrutador de Wi-Fi o cambie entre Wi-Fi y datos móviles.',
);
const AUDIO_ONLY = step(
  'audio-only',
  'Turn your camera off and continue with sound only.',
  'Apague su cámara y continúe solo con sonido.',
);
const DIAL_IN = step(
  'dial-in',
  'Call the phone number in your appointment message to join by phone.',
  'Llame al número de teléfono de su mensaje de cita para unirse por teléfono.',
);
const NEW_LINK = step(
  'new-join-link',
  'Ask the clinic to send you a new visit link.',
  'Pida a la clínica que le envíe un nuevo enlace para la visita.',
);
const CHECK_VOLUME = step(
  'switch-device',
  'Check that your volume is up and the right speaker or headset is selected.',
  'Verifique que el volumen esté alto y que el altavoz o los audífonos correctos estén seleccionados.',
);

const permissions = (device: Device) =>
  device === 'desktop' ? PERMISSIONS_DESKTOP : PERMISSIONS_MOBILE;

/**
 * The troubleshooting playbook: steps per issue category and device, in English and Spanish,
 * in the order a coordinator walks a patient through them. Data, so a clinic can review it.
 */
export const PLAYBOOK: Readonly<
  Record<IssueCategory, (device: Device) => readonly PlaybookStep[]>
> = {
  audio: (device) => [CHECK_VOLUME, permissions(device), RELOAD, DIAL_IN],
  video: (device) => [permissions(device), RELOAD, SWITCH_DEVICE, AUDIO_ONLY],
  connection: () => [SWITCH_NETWORK, REJOIN, AUDIO_ONLY, DIAL_IN],
  'join-link': () => [NEW_LINK, RELOAD, DIAL_IN],
  device: (device) => [permissions(device), SWITCH_DEVICE, DIAL_IN],
  other: () => [RELOAD, REJOIN, DIAL_IN],
};

/** The steps for one issue, in one language. */
export function playbookFor(
  category: IssueCategory,
  device: Device = 'desktop',
  language: Language = 'en',
): { step: TroubleshootingStep; text: string }[] {
  return PLAYBOOK[category](device).map((s) => ({ step: s.step, text: s.text[language] }));
}
