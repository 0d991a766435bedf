/**
 * The time now, as the service sees it. Use cases ask the clock and put the instant in the
 * command, so deciders stay pure and a test can run a service at any hour.
 */
export type Clock = () => Date;

/** The injection token of the service's one `Clock`. */
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = () => new Date();
