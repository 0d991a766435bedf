/** A calendar date as requests state it: yyyy-mm-dd. */
export const YYYY_MM_DD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
