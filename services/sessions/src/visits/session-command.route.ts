import { Type } from '@nestjs/common';
import { Role } from '@thc/auth';
import {
  ClientErrors,
  invalidInputDoc,
  PathParamDoc,
  UseCaseDoc,
  UseCaseRoute,
} from '@thc/service-runtime';
import { NO_SUCH_SESSION, SESSION_PARAM } from '../openapi/api-docs';

/** A POST of a command on one session (or a part of it: a participant, an issue). */
export interface SessionCommandDoc extends Pick<
  UseCaseDoc,
  'summary' | 'description' | 'phi' | 'body'
> {
  /** The route under the controller's path. */
  readonly path: string;
  /** The roles admitted, declared to the guard and in the documentation alike. */
  readonly roles: readonly [Role, ...Role[]];
  /** The path ids, every one a UUID (default: the session's). */
  readonly params?: Readonly<Record<string, PathParamDoc>>;
  /** The answer discloses PHI, so the caller's purpose of use is read (and can be refused). */
  readonly purposeOfUse?: boolean;
  /** Its errors besides invalid input (400) and an unknown session (404), which every one has. */
  readonly errors: Omit<ClientErrors, 400 | 404>;
  /** 204 with what was done, or 200 or 201 with the answer's type (and what it is). */
  readonly answer:
    | { readonly status: 204; readonly description: string }
    | { readonly status: 200 | 201; readonly type: Type<unknown>; readonly description?: string };
}

/**
 * Declares a session command's route, guard and documentation at once, so that every command
 * documents the same invalid input (from its path ids and body) and unknown session.
 */
export function SessionCommandRoute(doc: SessionCommandDoc): MethodDecorator {
  const params = doc.params ?? SESSION_PARAM;
  const { status, ...answer } = doc.answer;
  return UseCaseRoute({
    method: 'POST',
    path: doc.path,
    status,
    answer,
    summary: doc.summary,
    description: doc.description,
    roles: doc.roles,
    phi: doc.phi,
    errors: {
      400: invalidInputDoc({
        ids: Object.keys(params),
        body: doc.body !== undefined,
        purposeOfUse: doc.purposeOfUse,
      }),
      404: NO_SUCH_SESSION,
      ...doc.errors,
    },
    params,
    ...(doc.body ? { body: doc.body } : {}),
  });
}
