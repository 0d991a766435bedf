import type { OpenAPIV3 } from 'openapi-types';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const PROBLEM = 'application/problem+json';

type Example = { example?: unknown; examples?: Record<string, unknown> };

const hasExample = (media: Example | undefined): boolean =>
  media?.example !== undefined || Object.keys(media?.examples ?? {}).length > 0;

/** A parameter's example may sit on the parameter itself or on its schema. */
function parameterHasExample(parameter: OpenAPIV3.ParameterObject): boolean {
  const schema = parameter.schema as OpenAPIV3.SchemaObject | undefined;
  return hasExample(parameter) || schema?.example !== undefined;
}

/**
 * The success statuses whose body the document leaves untyped: a generated client would type
 * them `any`. A 204 has no body to type.
 */
function answersWithoutSchema(operation: OpenAPIV3.OperationObject): string[] {
  return Object.entries(operation.responses ?? {})
    .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
    .filter(([, response]) => {
      const content = (response as OpenAPIV3.ResponseObject).content ?? {};
      return !Object.values(content).some((media) => media.schema !== undefined);
    })
    .map(([status]) => status);
}

/** What one operation lacks of what a caller needs to use it, each as a short phrase. */
function gapsOf(operation: OpenAPIV3.OperationObject): string[] {
  const gaps: string[] = [];
  if (!operation.summary?.trim()) gaps.push('no summary');
  const description = operation.description ?? '';
  if (!description.includes('Roles:')) gaps.push('description names no roles ("Roles:")');
  if (!description.includes('PHI')) gaps.push('description says nothing of PHI');
  const problems = Object.entries(operation.responses ?? {}).filter(
    ([status, response]) =>
      /^4\d\d$/.test(status) && (response as OpenAPIV3.ResponseObject).content?.[PROBLEM],
  );
  if (problems.length === 0) gaps.push(`no 4xx response as ${PROBLEM}`);
  for (const status of answersWithoutSchema(operation))
    gaps.push(`${status} answer without a schema`);
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  if (body && !Object.values(body.content ?? {}).some(hasExample))
    gaps.push('request body without an example');
  for (const parameter of (operation.parameters ?? []) as OpenAPIV3.ParameterObject[]) {
    if (!parameterHasExample(parameter))
      gaps.push(`${parameter.in} parameter ${parameter.name} without an example`);
  }
  return gaps;
}

/**
 * Every operation of the document that lacks a summary, roles, PHI, a problem+json client
 * error, a typed success answer or an example request, as `METHOD path: what is missing`.
 */
export function undocumentedOperations(document: OpenAPIV3.Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      if (!operation) return [];
      return gapsOf(operation).map((gap) => `${method.toUpperCase()} ${path}: ${gap}`);
    }),
  );
}

/** Every operation as `METHOD path`, to tell that a document has some at all. */
export function operationsOf(document: OpenAPIV3.Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** An HTTP route and the roles its access policy admits (`public` for none needed). */
export interface RoutePolicy {
  readonly method: string;
  /** In OpenAPI form: `/api/v1/appointments/{id}`. */
  readonly path: string;
  readonly roles: readonly string[] | 'public';
}

const ROLES_LINE = /\*\*Roles:\*\* (.*?)\.(?:\n|$)/;

/**
 * Every documented operation whose "Roles:" line differs from what its route's `@Roles` (or
 * `@Public`) admits, as `METHOD path: documents X, admits Y`.
 */
export function misdocumentedRoles(
  document: OpenAPIV3.Document,
  routes: readonly RoutePolicy[],
): string[] {
  return routes.flatMap(({ method, path, roles }) => {
    const operation = document.paths[path]?.[method.toLowerCase() as (typeof METHODS)[number]];
    const line = ROLES_LINE.exec(operation?.description ?? '')?.[1];
    if (!operation || line === undefined) return [];
    const admitted = roles === 'public' ? 'none: no token is needed' : [...roles].sort().join(', ');
    const documented = line.startsWith('none') ? line : line.split(', ').sort().join(', ');
    return documented === admitted
      ? []
      : [`${method} ${path}: documents ${documented}, admits ${admitted}`];
  });
}
