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
