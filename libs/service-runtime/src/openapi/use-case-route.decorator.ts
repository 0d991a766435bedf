import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ContentObject,
} from '@nestjs/swagger';
import { Public, Role, Roles } from '@thc/auth';
import { ApiUseCase, UseCaseDoc } from './api-use-case.decorator';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** The type of an answer's body; `[Type]` for a list of them. */
export type AnswerType = Type<unknown> | [Type<unknown>];

/** What the success answer is: its type, what it holds, and its media types when not JSON. */
export interface AnswerDoc {
  readonly type?: AnswerType;
  /** What the answer holds; a 204 has only this. */
  readonly description?: string;
  /** An answer in another format than JSON (CSV, TwiML): each media type with its schema. */
  readonly content?: ContentObject;
}

/** The success answer: its type alone, or what `AnswerDoc` says of it. */
export type RouteAnswer = AnswerType | AnswerDoc;

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

/** The documented success answer of each status a route may have. */
const ANSWERED = {
  200: ApiOkResponse,
  201: ApiCreatedResponse,
  202: ApiAcceptedResponse,
  204: ApiNoContentResponse,
} as const;

function answerDoc(status: keyof typeof ANSWERED, answer: RouteAnswer): MethodDecorator {
  const { type, description, content }: AnswerDoc =
    typeof answer === 'function' || Array.isArray(answer) ? { type: answer } : answer;
  const doc = {
    ...(type ? { type } : {}),
    ...(description ? { description } : {}),
    ...(content ? { content } : {}),
  };
  return ANSWERED[status](doc);
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
