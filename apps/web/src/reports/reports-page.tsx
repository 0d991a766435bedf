import { useState } from 'react';
import { usePerson } from '../auth/auth-context';
import {
  ANALYTICS_ROLES,
  dashboardUrl,
  monthlyReportUrl,
  monthName,
  monthOf,
} from './report-links';

/** The program's figures: the live analytics dashboard and the printable monthly report. */
export function ReportsPage() {
  const { token, role } = usePerson();
  // The report of the last full month is the one people print; any month can be chosen.
  const [month, setMonth] = useState(() => monthOf(new Date(), 1));
  const allowed = ANALYTICS_ROLES.includes(role);
  return (
    <>
      <h1>Reports</h1>
      {!allowed && (
        <p role="note" className="warn">
          The figures are for analysts and administrators: signed in as {role}, the analytics
          service will refuse to show them. Ask an analyst for the monthly report.
        </p>
      )}
      <section className="card" aria-labelledby="dashboard">
        <h2 id="dashboard">Program dashboard</h2>
        <p>
          Visits, completion, no-shows, waiting, connection quality and satisfaction, by clinic and
          provider, for any range of days.
        </p>
        <p>
          <a href={dashboardUrl(token)} target="_blank" rel="noopener">
            Open the dashboard (new tab)
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="monthly">
        <h2 id="monthly">Monthly program report</h2>
        <p>
          The month's evaluation numbers beside the month before, with charts of the twelve months
          to it; printable, or saved as PDF from the print dialog.
        </p>
        <label htmlFor="report-month">Month</label>
        <input
          id="report-month"
          type="month"
          value={month}
          max={monthOf(new Date())}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
        />
        <p>
          <a href={monthlyReportUrl(month, token)} target="_blank" rel="noopener">
            Open the report for {monthName(month)} (new tab)
          </a>
        </p>
      </section>
    </>
  );
}
