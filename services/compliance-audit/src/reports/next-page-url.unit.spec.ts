import { nextPageUrl } from './next-page-url';

const request = (originalUrl: string) => ({
  protocol: 'https',
  originalUrl,
  get: (name: string) => (name === 'host' ? 'audit.example.test' : undefined),
});

describe("a report's next-page link", () => {
  it('keeps every query parameter of the request and moves the cursor', () => {
    const url = new URL(
      nextPageUrl(
        request(
          '/api/v1/audit/reports/staff/s-1/phi-access?format=fhir&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00%2B02:00&service=sessions&limit=2',
        ),
        43,
      ),
    );
    expect(url.origin + url.pathname).toBe(
      'https://audit.example.test/api/v1/audit/reports/staff/s-1/phi-access',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'fhir',
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00+02:00',
      service: 'sessions',
      limit: '2',
      after: '43',
    });
  });

  it('replaces the cursor of the page it was on rather than adding a second', () => {
    const url = new URL(nextPageUrl(request('/r?after=7&format=fhir'), 9));
    expect(url.searchParams.getAll('after')).toEqual(['9']);
    expect(url.searchParams.get('format')).toBe('fhir');
  });
});
