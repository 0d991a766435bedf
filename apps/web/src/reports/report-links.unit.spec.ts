import { dashboardUrl, monthlyReportUrl, monthName, monthOf } from './report-links';

describe("the reports' links", () => {
  it('carry the token in the fragment, never in the query the server sees', () => {
    expect(dashboardUrl('a.b.c')).toBe('/svc/analytics/dashboard#token=a.b.c');
    expect(monthlyReportUrl('2026-02', 'a.b.c')).toBe(
      '/svc/analytics/dashboard/report?month=2026-02#token=a.b.c',
    );
  });

  it('name the months before this one across a year', () => {
    expect(monthOf(new Date(2026, 0, 15), 1)).toBe('2025-12');
    expect(monthOf(new Date(2026, 2, 31), 0)).toBe('2026-03');
    expect(monthName('2026-03', 'en-US')).toBe('March 2026');
  });
});
