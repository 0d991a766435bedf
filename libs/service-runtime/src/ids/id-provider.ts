import { randomUUID } from 'node:crypto';

/**
 * Mints the id of a new thing (an appointment, a session, a request). Injected rather than
 * called, so a test can name what it is about to create and a use case never reaches for
 * `randomUUID` itself.
 */
export type IdProvider = () => string;

/** The injection token of the service's one `IdProvider`. */
export const ID_PROVIDER = Symbol('ID_PROVIDER');

export const randomIds: IdProvider = () => randomUUID();
