import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Role } from '@thc/auth';
import { ProblemDetailsSchema } from './problem-details.schema';

/** The client errors an operation really answers, each with when it happens. */
export type ClientErrors = Partial<
  Record<400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 422 | 429, string>
>;

/** A path parameter's example, alone or with what it names and its format (e.g. `uuid`). */
export type PathParamDoc =
  | string
  | number
  | {
      readonly example: string | number;
      readonly description?: string;
      readonly format?: string;
    };

export interface UseCaseDoc {
  /** One line, imperative: what the operation does. */
  readonly summary: string;
  /** What it does and when to call it; roles and PHI are appended from the fields below. */
  readonly description: string;
  /** The roles admitted, exactly as `@Roles` declares them; `public` for routes without a token. */
  readonly roles: readonly Role[] | 'public';
  /** The protected health information the answer carries, or `none`. */
  readonly phi: string;
  /** Every client error the operation answers, besides 401 (added for every role-guarded route). */
  readonly errors: ClientErrors;
  /** The request body's DTO and an example of it; required of operations that take a body. */
  readonly body?: { readonly type: Type<unknown>; readonly example: object };
  /**
   * An example of each path parameter, by its name in the route; with the body's example (or,
   * for an operation without a body, alone) it makes the example request. Query parameters
   * take theirs from the query DTO's `@ApiProperty({ example })`.
   */
  readonly params?: Readonly<Record<string, PathParamDoc>>;
}

const PROBLEM = 'application/problem+json';

/** A documented request body: the operation, its DTO and its example. */
export interface DocumentedBody {
  readonly summary: string;
  readonly type: Type<unknown>;
  readonly example: object;
}

/**
 * Every example request body documented so far (filled as controllers load), so one contract
 * test checks each against its DTO's validation: an example the API would refuse teaches the
 * wrong thing.
 */
export const DOCUMENTED_BODIES: DocumentedBody[] = [];

/**
 * Documents one HTTP operation for people who call it: summary, roles, PHI, every problem+json
 * error it answers and an example request. The OpenAPI contract test fails on an operation
 * without them, so the document can not fall behind the code.
 */
export function ApiUseCase(doc: UseCaseDoc): MethodDecorator {
  const roles = doc.roles === 'public' ? 'none: no token is needed' : doc.roles.join(', ');
  const errors: ClientErrors =
    doc.roles === 'public'
      ? doc.errors
      : {
          401: 'No bearer token, or one that is expired, malformed or not signed by a trusted key.',
          403: `The token's role is not one of: ${roles}.`,
          ...doc.errors,
        };
  const decorators = [
    ApiExtraModels(ProblemDetailsSchema),
    ApiOperation({
      summary: doc.summary,
      description: `${doc.description}\n\n**Roles:** ${roles}.\n\n**PHI returned:** ${doc.phi}.`,
      // The document requires a bearer token of every operation; a public one asks for none.
      ...(doc.roles === 'public' ? { security: [] } : {}),
    }),
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { [PROBLEM]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  ];
  for (const [name, param] of Object.entries(doc.params ?? {})) {
    decorators.push(
      ApiParam(typeof param === 'object' ? { name, ...param } : { name, example: param }),
    );
  }
  if (doc.body) {
    DOCUMENTED_BODIES.push({ summary: doc.summary, ...doc.body });
    decorators.push(
      ApiBody({
        type: doc.body.type,
        examples: { request: { summary: 'A typical request', value: doc.body.example } },
      }),
    );
  }
  return applyDecorators(...decorators);
}
