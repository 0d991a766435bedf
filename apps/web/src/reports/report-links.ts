/** The analytics service's pages, reached through the web server's proxy. */
const DASHBOARD = '/svc/analytics/dashboard';

/** Roles the analytics API answers; anyone else's token is refused there. */
export const ANALYTICS_ROLES: readonly string[] = ['analyst', 'admin'];

/**
 * A page of the analytics service opened with the person's token in the URL fragment: the
 * browser never sends a fragment to a server, and the page's script reads the token from it.
 */
function withToken(path: string, token: string): string {
  return `${path}#token=${encodeURIComponent(token)}`;
}

export function dashboardUrl(token: string): string {
  return withToken(DASHBOARD, token);
}

export function monthlyReportUrl(month: string, token: string): string {
  return withToken(`${DASHBOARD}/report?month=${encodeURIComponent(month)}`, token);
}

/** "YYYY-MM" of the month `back` months before the one holding `now` (0: this month). */
export function monthOf(now: Date, back = 0): string {
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** "March 2026" for "2026-03". */
export function monthName(month: string, locale?: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
    new Date(year ?? 1970, (m ?? 1) - 1, 1),
  );
}
