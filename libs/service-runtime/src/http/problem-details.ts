import { STATUS_CODES } from 'node:http';

/** One invalid input, named by its path in the request (e.g. `participants[0].role`). */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/** RFC 9457 problem details: the one error shape of every service. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly 'invalid-params'?: readonly InvalidParam[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  detail?: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}
