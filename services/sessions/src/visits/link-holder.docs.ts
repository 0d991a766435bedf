import { invalidInputDoc } from '@thc/service-runtime';

/** The 400 of a link holder's route, with or without a body. */
export const linkHolderInvalidInput = (body: boolean): string =>
  invalidInputDoc({
    body,
    also: 'the `X-Join-Token` header is missing or not a join link token, or `X-Device-Token` is not a device token',
  });

/** The refusals of the link itself, as the join exchange answers them (problem+json, en/es). */
export const LINK_REFUSALS = {
  403: 'The link is not valid (not signed by this service, or not for this session), or it is not open yet.',
  409: 'The link is bound to another device: send the device token of the join exchange, or join again with the link on this device.',
  410: 'The link expired, or was replaced or revoked.',
} as const;

/** A link holder's route acting for someone else, refused as the signed-in route refuses it. */
export const NOT_FOR_THIS_LINK =
  "The body names another participant than the link's own, or the link is an interpreter's or a caregiver's (the coordinator acts for them).";
export const VISIT_ENDED = 'The visit has ended, or it changed at the same time.';
export const STEPS_PHI = "none: playbook steps in the caller's language";
export const WITH_THE_LINK =
  'No bearer token: the join link is the credential (`X-Join-Token`, and `X-Device-Token` once bound), and it acts only for its own participant, under the same rules as the route for signed-in callers.';

/** The refusals of a link holder's action on the visit, with `more` for the action's own 409. */
export const linkHolderActionErrors = (more = VISIT_ENDED) => ({
  400: linkHolderInvalidInput(true),
  ...LINK_REFUSALS,
  403: `${LINK_REFUSALS[403]} Or: ${NOT_FOR_THIS_LINK}`,
  409: `${LINK_REFUSALS[409]} Or: ${more}`,
});
