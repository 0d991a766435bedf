import { readerPhrases } from './reader-phrases';
import type { LanguageWording } from './wording';
import { sentenceCase as upper } from './wording';

const { kindOf, visit, minutes, joinBlocks, joinSms } = readerPhrases({
  visitKinds: { video: 'consulta por video', audio: 'consulta por teléfono' },
  /** "su consulta por video" a la paciente o al paciente, "la consulta por video" a quien acompaña. */
  article: { patient: 'su', others: 'la' },
  minute: { one: 'minuto', many: 'minutos' },
  join: {
    fromLink: 'Entre desde su enlace personal:',
    keepPrivate: 'Por favor, no lo reenvíe: es solo para usted.',
    fromLinkSentOrToCome:
      'Entre desde el enlace personal que le enviamos o que le enviaremos poco antes de la consulta.',
  },
  joinSms: {
    fromLink: 'Entre desde su enlace personal:',
    fromLinkSentOrToCome:
      'Entre desde el enlace que le enviamos o le enviaremos antes de la consulta.',
  },
});

export const spanish: LanguageWording = {
  kinds: {
    reminder: (facts) => ({
      subject: `Recordatorio: ${visit(facts)} el ${facts.when}`,
      body: [
        { text: `Le recordamos ${visit(facts)} el ${facts.when}.` },
        ...joinBlocks(facts.joinUrl),
        { text: 'Por favor, entre unos minutos antes, desde un lugar tranquilo y privado.' },
      ],
      sms: [
        `Recordatorio: ${visit(facts)} es el ${facts.when}. ${joinSms(facts.joinUrl)}`,
        `Recordatorio: ${visit(facts)}, el ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
      ],
    }),
    'booking-confirmation': (facts) => ({
      subject: `${upper(visit(facts))} está confirmada: ${facts.when}`,
      body: [
        { text: `${upper(visit(facts))} está confirmada para el ${facts.when}.` },
        ...(facts.joinUrl
          ? joinBlocks(facts.joinUrl)
          : [{ text: 'Le enviaremos un enlace personal para entrar poco antes de la consulta.' }]),
        {
          text: 'El archivo de calendario adjunto (visit.ics) agrega la consulta a su calendario.',
        },
        {
          text: 'Si no puede asistir, avísele a su clínica lo antes posible, para que otra persona pueda usar ese horario.',
        },
      ],
      sms: [
        `${upper(visit(facts))} está confirmada para el ${facts.when}. ${
          facts.joinUrl
            ? joinSms(facts.joinUrl)
            : 'Le enviaremos un enlace para entrar antes de la consulta.'
        }`,
        `${upper(visit(facts))} está confirmada: ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
      ],
    }),
    'booking-changed': (facts) => {
      const moved = facts.previousWhen
        ? `${upper(visit(facts))} cambió del ${facts.previousWhen} al ${facts.when}.`
        : `${upper(visit(facts))} cambió al ${facts.when}.`;
      return {
        subject: `Nuevo horario de ${visit(facts)}: ${facts.when}`,
        body: [
          { text: moved },
          ...joinBlocks(facts.joinUrl),
          {
            text: 'El archivo de calendario adjunto (visit.ics) cambia la consulta en su calendario.',
          },
        ],
        sms: [
          `${moved} ${joinSms(facts.joinUrl)}`,
          `${moved}${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
          `${upper(visit(facts))} cambió al ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
        ],
      };
    },
    'booking-cancelled': (facts) => ({
      subject: `${upper(visit(facts))} del ${facts.when} fue cancelada`,
      body: [
        { text: `${upper(visit(facts))} del ${facts.when} fue cancelada.` },
        {
          text:
            facts.role === 'patient'
              ? 'Para reservar otro horario, comuníquese con su clínica.'
              : 'Si tiene preguntas, comuníquese con la clínica.',
        },
        {
          text: 'El archivo de calendario adjunto (visit.ics) quita la consulta de su calendario.',
        },
      ],
      sms: [
        `${upper(visit(facts))} del ${facts.when} fue cancelada.${
          facts.role === 'patient' ? ' Para reservar otro horario, comuníquese con su clínica.' : ''
        }`,
        `${upper(visit(facts))} del ${facts.when} fue cancelada.`,
      ],
    }),
    'join-link': (facts) => {
      const on = facts.when ? ` del ${facts.when}` : '';
      const intro = {
        patient: `Este es su enlace personal para entrar a ${visit(facts)}${on}:`,
        interpreter: `Usted interpretará en una ${kindOf(facts)}${facts.when ? ` el ${facts.when}` : ''}. Este es su enlace personal para entrar:`,
        caregiver: `Se le invitó a acompañar una ${kindOf(facts)}${facts.when ? ` el ${facts.when}` : ''}. Este es su enlace personal para entrar:`,
      }[facts.role];
      return {
        subject: `Su enlace personal para ${visit(facts)}`,
        body: [
          { text: intro },
          { link: facts.joinUrl },
          {
            text: 'Este enlace es solo para usted: por favor, no lo reenvíe ni lo comparta. Quien lo tenga podría entrar en su lugar.',
          },
          {
            text: 'Ábralo unos minutos antes de la hora. La página le permite probar antes su cámara, micrófono y conexión; después esperará en la sala de espera hasta que el profesional le dé entrada.',
          },
        ],
        sms: [
          `Su enlace personal para ${visit(facts)}${on}: ${facts.joinUrl} Es solo para usted; no lo reenvíe.`,
          `Su enlace para ${visit(facts)}: ${facts.joinUrl} No lo reenvíe.`,
          `${facts.joinUrl} Enlace de su consulta. No lo reenvíe.`,
        ],
      };
    },
    'waitlist-offer': (facts) => ({
      subject: `Hay un horario para una ${kindOf(facts)}: ${facts.when}`,
      body: [
        {
          text: `Usted pidió que le avisáramos si se abría un horario. Hay uno libre para una ${kindOf(facts)}: el ${facts.when}.`,
        },
        { text: `Se lo guardamos hasta el ${facts.heldUntil}.` },
        ...(facts.joinUrl
          ? [{ text: 'Para tomarlo, abra este enlace:' }, { link: facts.joinUrl }]
          : [{ text: 'Para tomarlo, comuníquese con su clínica antes de esa hora.' }]),
        { text: 'Después, el horario se le podría ofrecer a otra persona.' },
      ],
      sms: [
        `Hay un horario para una ${kindOf(facts)}: el ${facts.when}. Se lo guardamos hasta el ${facts.heldUntil}. ${
          facts.joinUrl
            ? `Para tomarlo: ${facts.joinUrl}`
            : 'Para tomarlo, comuníquese con su clínica.'
        }`,
        `Horario libre: el ${facts.when}, guardado hasta el ${facts.heldUntil}.${
          facts.joinUrl ? ` ${facts.joinUrl}` : ' Llame a su clínica.'
        }`,
      ],
    }),
    'provider-running-late': (facts) => {
      const provider = facts.role === 'patient' ? 'su profesional' : 'el profesional';
      const waited = facts.waitedMinutes;
      return {
        subject: `${upper(provider)} se está retrasando`,
        body: [
          { text: `Lo sentimos: ${provider} se está retrasando.` },
          ...(waited
            ? [{ text: `Usted ha esperado ${minutes(waited)}. Gracias por su paciencia.` }]
            : []),
          {
            text: 'Por favor, quédese en la sala de espera: le darán entrada en cuanto el profesional esté listo. Si sale, puede volver con el mismo enlace.',
          },
        ],
        sms: [
          `Lo sentimos: ${provider} se está retrasando${
            waited ? ` (ha esperado ${minutes(waited)})` : ''
          }. Por favor, quédese en la sala de espera; pronto le darán entrada.`,
        ],
      };
    },
    'survey-invitation': (facts) => ({
      subject: `¿Cómo fue ${visit(facts)}?`,
      body: [
        { text: `Gracias por ${visit(facts)}${facts.when ? ` del ${facts.when}` : ''}.` },
        {
          text: '¿Respondería unas preguntas breves? Toma un minuto y ayuda a la clínica a mejorar estas consultas.',
        },
        ...(facts.joinUrl
          ? [{ text: 'Responda aquí:' }, { link: facts.joinUrl }]
          : [
              {
                text: 'Puede responder desde el enlace de su consulta: ábralo otra vez y allí encontrará las preguntas.',
              },
            ]),
        { text: 'Responder es opcional.' },
      ],
      sms: [
        `Gracias por ${visit(facts)}. ¿Respondería unas preguntas breves? ${
          facts.joinUrl ?? 'Abra otra vez el enlace de su consulta para responder.'
        }`,
      ],
    }),
  },
  emailFooter:
    'Recibe este correo porque esta dirección se dio para recibir mensajes sobre consultas con su clínica. Para dejar de recibir estos correos, avísele a su clínica. Por favor, no responda: las respuestas a esta dirección no se leen.',
  smsStop: 'Responda STOP para no recibir más mensajes.',
  calendar: {
    summary: (visitType) =>
      visitType === 'video' ? 'Consulta por video' : 'Consulta por teléfono',
    description: (facts) =>
      facts.cancelled
        ? `${upper(visit(facts))} fue cancelada.`
        : `${upper(visit(facts))}. Entre desde el enlace personal que le enviamos; por favor, no lo reenvíe.`,
  },
};
