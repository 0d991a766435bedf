import { ParseUuidParam } from '@thc/service-runtime';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
export const uuidParam = new ParseUuidParam({ version: 4 });
