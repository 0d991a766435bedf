import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { Public, Role, Roles } from '@thc/auth';
import { ApiUseCase, UseCaseDoc } from './api-use-case.decorator';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** The success answer: its type, or its type and what it is (a 204 has only the latter). */
export type RouteAnswer =
  Type<unknown> | { readonly type?: Type<unknown>; readonly description?: string };

/** One route of a use case: how it is reached and answered, and its documentation. */
export interface UseCaseRouteDoc extends UseCaseDoc {
  readonly method: keyof typeof METHODS;
  /** Below the controller's path; none for the controller's own. */
  readonly path?: string;
  /** The success status when it is not the method's default (POST 201, others 200). */
  readonly status?: 200 | 201 | 202 | 204;
  /** The answer, documented under the success status. */
  readonly answer?: RouteAnswer;
}

function answerDoc(status: number, answer: RouteAnswer): MethodDecorator {
  const { type, description } = typeof answer === 'function' ? { type: answer } : answer;
  const doc = { ...(type ? { type } : {}), ...(description ? { description } : {}) };
  if (status === 204) return ApiNoContentResponse(doc);
  return status === 201 ? ApiCreatedResponse(doc) : ApiOkResponse(doc);
}

/**
 * Declares a route once: method and path, the roles admitted (enforced and documented from the
 * same list, so they never disagree), the success status and answer, and its use-case
 * documentation.
 */
export function UseCaseRoute(doc: UseCaseRouteDoc): MethodDecorator {
  const { method, path, status, answer, ...useCase } = doc;
  const decorators = [
    METHODS[method](path ?? ''),
    useCase.roles === 'public' ? Public() : Roles(...(useCase.roles as [Role, ...Role[]])),
    ApiUseCase(useCase),
  ];
  if (status !== undefined) decorators.push(HttpCode(status));
  if (answer) decorators.push(answerDoc(status ?? (method === 'POST' ? 201 : 200), answer));
  return applyDecorators(...decorators);
}
