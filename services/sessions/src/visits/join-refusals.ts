import {
  ConflictException,
  ForbiddenException,
  GoneException,
  HttpException,
} from '@nestjs/common';
import type { LinkRefusal } from './domain/session.errors';

type Language = 'en' | 'es';

/** What a patient reads when a link does not let them in: what happened and what to do. */
const SENTENCES: Record<LinkRefusal, Record<Language, string>> = {
  forged: {
    en: 'This visit link is not valid. Please open the link from your latest appointment message, or call your clinic.',
    es: 'Este enlace de la visita no es válido. Abra el enlace de su mensaje de cita más reciente o llame a su clínica.',
  },
  expired: {
    en: 'This visit link has expired. Please call your clinic for a new link or a new appointment.',
    es: 'Este enlace de la visita ha vencido. Llame a su clínica para recibir un enlace nuevo o una nueva cita.',
  },
  'not-yet-open': {
    en: 'Your visit has not opened yet. Please open this link again closer to your appointment time.',
    es: 'Su visita aún no está abierta. Abra este enlace de nuevo más cerca de la hora de su cita.',
  },
  revoked: {
    en: 'This visit link was replaced or cancelled. Please use the newest link you received, or call your clinic.',
    es: 'Este enlace de la visita fue reemplazado o cancelado. Use el enlace más reciente que recibió o llame a su clínica.',
  },
  'in-use': {
    en: 'This visit link is already open on another device. Please continue on that device, or call your clinic for a new link.',
    es: 'Este enlace de la visita ya está abierto en otro dispositivo. Continúe en ese dispositivo o llame a su clínica para recibir un enlace nuevo.',
  },
  'visit-ended': {
    en: 'This visit has ended or was cancelled. Please call your clinic if you need another appointment.',
    es: 'Esta visita terminó o fue cancelada. Llame a su clínica si necesita otra cita.',
  },
};

/** The first language of Accept-Language we have sentences in, else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const tags = (acceptLanguage ?? '').split(',').map((t) => t.trim().slice(0, 2).toLowerCase());
  return tags.find((tag): tag is Language => tag === 'en' || tag === 'es') ?? 'en';
}

/**
 * A refused link as HTTP: 403 for a link that is not ours or not yet open, 409 for one in use
 * on another device, 410 for one that no longer works (expired, revoked, visit over). The
 * detail is the patient's sentence.
 */
export function refusalProblem(
  refusal: LinkRefusal,
  acceptLanguage: string | undefined,
): HttpException {
  const detail = SENTENCES[refusal][languageOf(acceptLanguage)];
  if (refusal === 'in-use') return new ConflictException(detail);
  return refusal === 'forged' || refusal === 'not-yet-open'
    ? new ForbiddenException(detail)
    : new GoneException(detail);
}
