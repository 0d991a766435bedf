import type { InvalidParam } from '../../api/api-problem';
import type { ContactField } from './contact-preferences';

/** The service's 400, sorted: messages for the fields of the form, and what fits none. */
export interface FieldProblems {
  readonly byField: Partial<Record<ContactField, string>>;
  readonly other: readonly string[];
}

/** The body's paths (as `invalid-params` names them) and the form field each is shown at. */
const FIELD_OF_PARAM: Readonly<Record<string, ContactField>> = {
  email: 'email',
  mobile: 'mobile',
  preferredLanguage: 'preferredLanguage',
  timeZone: 'timeZone',
  quietHours: 'quietStart',
  'quietHours.start': 'quietStart',
  'quietHours.end': 'quietEnd',
  consent: 'byEmail',
  'consent.byEmail': 'byEmail',
  'consent.bySms': 'bySms',
};

/**
 * Puts each invalid param next to the field it names. The label is already beside the field,
 * so the reason drops the service's property name ("mobile must be …" → "Must be …").
 */
export function fieldProblems(params: readonly InvalidParam[]): FieldProblems {
  const byField: Partial<Record<ContactField, string>> = {};
  const other: string[] = [];
  for (const { name, reason } of params) {
    const field = FIELD_OF_PARAM[name];
    if (!field) {
      other.push(sentence(reason));
      continue;
    }
    const said = sentence(withoutProperty(name, reason));
    byField[field] = byField[field] ? `${byField[field]} ${said}` : said;
  }
  return { byField, other };
}

/** class-validator starts its messages with the property's own name (the path's last part). */
function withoutProperty(name: string, reason: string): string {
  const property = name.split('.').pop() ?? name;
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = `${trimmed[0]?.toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
