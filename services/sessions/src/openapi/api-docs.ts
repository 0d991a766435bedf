import { ApiHeader } from '@nestjs/swagger';
import type { PathParamDoc } from '@thc/service-runtime';

/**
 * The ids the API documentation uses in its examples: one patient's visit with one provider,
 * so that the examples of every operation tell the same story. Any UUID is accepted.
 */
export const EXAMPLE_ID = {
  sessionId: '7ec12fac-2b8b-4522-9053-c479e26a5aac',
  patientId: 'c8afb58d-5a4e-4721-82f2-2e81b81c4ea8',
  providerId: '0dc5ccc0-0dfe-4ac8-b891-9abfa6945463',
  otherProviderId: '332abe26-374e-4a07-88bb-74312e233b65',
  coordinatorId: 'c72abc38-61a2-4c59-a2e7-6ab7a690011a',
  linkId: '7947d5dc-c5c5-469d-b0ac-9b245c74ec7a',
  issueId: 'e74fc1da-f4b2-4d85-8d16-2690b4dc1632',
} as const;

/** A UUID path parameter: what it names and an example. */
export function uuidParam(id: keyof typeof EXAMPLE_ID, names: string): PathParamDoc {
  return { example: EXAMPLE_ID[id], format: 'uuid', description: names };
}

/** The path parameters of a session, and of one participant in it. */
export const SESSION_PARAM = { sessionId: uuidParam('sessionId', 'The session (virtual visit)') };
export const PARTICIPANT_PARAMS = {
  ...SESSION_PARAM,
  participantId: uuidParam(
    'patientId',
    'The participant (patient, provider, interpreter, caregiver)',
  ),
};

/** The PHI of one session as the API returns it. */
export const SESSION_PHI =
  "patient, provider, clinic, appointment and participant ids; visit type, scheduled and actual times, status and outcome; each participant's presence, drops and audio-only fallback; technical issues (category, state, assignee); whether the survey was answered";

/** The 403 of an operation on one session a patient may take part in. */
export const NOT_YOUR_SESSION =
  "The role is not one admitted here, or the caller is neither staff, the session's provider, nor its patient acting for themselves.";

/** The 403 of an operation on one session only its provider or staff may take. */
export const NOT_YOUR_VISIT =
  "The role is not one admitted here, or the caller is neither staff nor the session's provider.";

export const NO_SUCH_SESSION = 'No session with this id.';

/** Documents `Accept-Language` on the routes whose texts (refusals, playbook steps) are translated. */
export const ApiAcceptLanguage = (): MethodDecorator & ClassDecorator =>
  // Lower case, as `@Headers()` names it, so the two document one (optional) parameter.
  ApiHeader({
    name: 'accept-language',
    required: false,
    example: 'es',
    description: 'The language of the texts in the answer: en (the default) or es.',
  });
