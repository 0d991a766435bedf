/** What the next-page link is built from: the request as Express gives it. */
export interface ReportRequest {
  readonly protocol: string;
  readonly originalUrl: string;
  get(name: string): string | undefined;
}

/**
 * The full URL of the page after `after`: the request's own URL with every query parameter
 * kept (format, period, service, page size) and the cursor moved, so a FHIR client that
 * follows `next` reads the same report in the same format.
 */
export function nextPageUrl(request: ReportRequest, after: number): string {
  const url = new URL(
    request.originalUrl,
    `${request.protocol}://${request.get('host') ?? 'localhost'}`,
  );
  url.searchParams.set('after', String(after));
  return url.toString();
}
