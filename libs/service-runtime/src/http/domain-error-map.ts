import { HttpException } from '@nestjs/common';

/** A class of error a service's domain throws (abstract bases match their subclasses). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor signature matches
export type DomainErrorClass = abstract new (...args: any[]) => Error;

/**
 * One row of a service's table: the error classes it covers and the HTTP exception they
 * answer with. Rows are tried in order; the first whose class matches wins.
 */
export type DomainErrorRule = readonly [
  classes: DomainErrorClass | readonly DomainErrorClass[],
  answer: (error: Error) => HttpException,
];

/** A service's domain errors as the HTTP problems its API promises. */
export interface DomainErrorMap {
  /** The HTTP exception for a domain error; HTTP exceptions and unknown errors (a 500) unchanged. */
  toHttpError(error: unknown): unknown;
  /** Runs a use case and rethrows its domain errors as HTTP errors. */
  asHttp<T>(work: () => Promise<T>): Promise<T>;
}

/** Builds a service's mapper from its table of error classes and the HTTP exceptions they become. */
export function domainErrorMap(rules: readonly DomainErrorRule[]): DomainErrorMap {
  const table = rules.map(
    ([classes, answer]) =>
      [Array.isArray(classes) ? classes : [classes], answer] as readonly [
        readonly DomainErrorClass[],
        (error: Error) => HttpException,
      ],
  );
  const toHttpError = (error: unknown): unknown => {
    if (error instanceof HttpException) return error;
    for (const [classes, answer] of table)
      if (classes.some((cls) => error instanceof cls)) return answer(error as Error);
    return error;
  };
  return {
    toHttpError,
    async asHttp<T>(work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        throw toHttpError(error);
      }
    },
  };
}
