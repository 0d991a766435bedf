/** One invalid input of a 400, named by its path in the request (`quietHours.start`). */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/** A refusal as the services answer it (RFC 9457 problem+json), ready to show to a person. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Field-level messages of a 400, when the service names fields. */
    readonly fields: readonly string[] = [],
    /** The services' `invalid-params`: each invalid field by name, so a form can mark it. */
    readonly invalidParams: readonly InvalidParam[] = [],
  ) {
    super(detail || title);
  }
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      title?: string;
      detail?: string;
      errors?: unknown;
      message?: unknown;
      'invalid-params'?: unknown;
    };
    const fields = Array.isArray(body.errors)
      ? body.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))
      : Array.isArray(body.message)
        ? body.message.map(String)
        : [];
    return new ApiProblem(
      response.status,
      body.title ?? response.statusText,
      body.detail ?? (typeof body.message === 'string' ? body.message : '') ?? '',
      fields,
      invalidParamsOf(body['invalid-params']),
    );
  } catch {
    return new ApiProblem(response.status, response.statusText, text.slice(0, 300));
  }
}

function invalidParamsOf(value: unknown): InvalidParam[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    const { name, reason } = (p ?? {}) as { name?: unknown; reason?: unknown };
    return typeof name === 'string' && typeof reason === 'string' ? [{ name, reason }] : [];
  });
}
