/** The languages the consent text is written in. */
export const CONSENT_LANGUAGES = ['en', 'es'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/** One language's text: a title and the paragraphs the patient reads before agreeing. */
export interface ConsentText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * The version of the text below, recorded with every consent given on the visit page. A change
 * of wording in any language is a new version: what a patient agreed to must stay readable.
 */
export const CONSENT_TEXT_VERSION = '2026-12';

/**
 * The telehealth consent a patient reads on the visit page, in plain words: what a video visit
 * is, its limits, privacy, that they may refuse and be seen in person, that they may take it
 * back. The Spanish says the same as the English, paragraph for paragraph.
 */
export const TELEHEALTH_CONSENT_TEXT = {
  en: {
    title: 'Your consent to video visits',
    paragraphs: [
      'A video visit is a visit with your care team over the internet. You use a phone, tablet or computer, and you and your provider see and hear each other, much as in the office. If the video does not work, the visit can go on with sound only.',
      'Your provider cannot touch or examine you in person. If they need to, or if the connection fails, they may ask you to come in for an in-person visit.',
      'Your visit is private. The video and sound are encrypted, and only the people taking part in your care can join. The visit is not recorded unless you agree to that separately. Please find a quiet place where others cannot hear you.',
      'What you share is kept in your health record and protected by law, as in any visit.',
      'You do not have to agree. If you say no, you can have an in-person visit instead, and your care will not change. Call your clinic to arrange it.',
      'You can take back this consent at any time by telling your clinic. It then stops applying to your future visits.',
      'If you have an emergency, call 911. Do not wait for your video visit.',
      'By choosing "I agree", you consent to video visits with your clinic.',
    ],
  },
  es: {
    title: 'Su consentimiento para visitas por video',
    paragraphs: [
      'Una visita por video es una visita con su equipo de atención médica por internet. Usted usa un teléfono, una tableta o una computadora, y usted y su proveedor se ven y se escuchan, casi como en el consultorio. Si el video no funciona, la visita puede seguir solo con sonido.',
      'Su proveedor no puede tocarlo ni examinarlo en persona. Si lo necesita, o si la conexión falla, le puede pedir que venga a una visita en persona.',
      'Su visita es privada. El video y el sonido están cifrados, y solo pueden entrar las personas que participan en su atención. La visita no se graba, a menos que usted lo autorice por separado. Busque un lugar tranquilo donde otras personas no lo puedan escuchar.',
      'Lo que usted comparte se guarda en su expediente médico y está protegido por la ley, como en cualquier visita.',
      'Usted no está obligado a aceptar. Si dice que no, puede tener una visita en persona, y su atención no cambiará. Llame a su clínica para programarla.',
      'Puede retirar este consentimiento en cualquier momento avisando a su clínica. Desde entonces deja de aplicarse a sus visitas futuras.',
      'Si tiene una emergencia, llame al 911. No espere a su visita por video.',
      'Al elegir "Acepto", usted da su consentimiento para visitas por video con su clínica.',
    ],
  },
} as const satisfies Readonly<Record<ConsentLanguage, ConsentText>>;
