/** What a route needs to know about a request's body to decide whether it carried one. */
export interface BodyOfRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
}

/**
 * Whether the request carries a body worth refusing on a route that takes none. A request
 * carries a body when it says so on the wire (a chunked transfer, or a non-zero length),
 * whatever its content type. One body is let through: an empty JSON object, `{}`, which many
 * HTTP clients send by habit on a POST without data and which holds nothing to act on. Any
 * other body (`[]`, `{"$where": ...}`, text) is refused.
 */
export function carriesBody(request: BodyOfRequest): boolean {
  const length = Number(header(request, 'content-length') ?? 0);
  const chunked = header(request, 'transfer-encoding') !== undefined;
  if (!chunked && !(length > 0)) return false;
  return !isEmptyObject(request.body);
}

function header(request: BodyOfRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isEmptyObject(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.getPrototypeOf(body) === Object.prototype &&
    Object.keys(body).length === 0
  );
}
