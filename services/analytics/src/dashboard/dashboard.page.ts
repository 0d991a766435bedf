import { PAGE_STYLE } from './page-style';

/**
 * The dashboard page. It holds no data: its script asks the analyst query API with a bearer
 * token that the analyst pastes once (kept in this tab's sessionStorage) or passes in the URL
 * fragment (`#token=...`, never sent to the server), so the API stays deny-by-default. The
 * smallest cell shown is written on the page so a withheld figure can say what it lacks.
 * Its links are relative, so it works as well behind a proxy that adds a prefix to the path
 * (the web app's `/svc/analytics/dashboard`).
 */
export const dashboardHtml = (minCellCount: number): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Telehealth program dashboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${PAGE_STYLE}
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr)); gap: .75rem; margin-bottom: 1rem; }
  .tile { background: #fff; border-radius: .5rem; padding: .75rem; box-shadow: 0 1px 2px #0003; }
  .tile b { display: block; font-size: 1.5rem; }
  .tile b.none { font-size: 1rem; font-weight: 600; }
  .tile small { color: #3e4c59; }
  #unlisted-note { font-size: .85rem; color: #3e4c59; margin-bottom: .75rem; }
  #unlisted-note ul { display: inline; padding: 0; }
  #unlisted-note li { display: inline; margin-right: .75rem; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(28rem, 100%), 1fr)); gap: 1rem; }
</style>
</head>
<body data-min-cell-count="${minCellCount}">
<header>
<h1>Is our telehealth program working?</h1>
<nav aria-label="Reports"><a id="report-link" href="dashboard/report">Monthly program report</a><button id="csv" type="button">Download the figures (CSV)</button></nav>
</header>
<main>
<div class="token" id="token-form" hidden>
  <label>Bearer token (analyst)<input id="token" type="password" autocomplete="off"></label>
  <button id="token-save" type="button">Use token</button>
</div>
<form id="filters" aria-label="What to show">
  <label>Period<select id="period"><option value="recent">Last 12 months</option><option value="dates">The dates chosen</option></select></label>
  <label>From<input id="from" type="date" required></label>
  <label>To<input id="to" type="date" required></label>
  <label>Clinic<select id="clinic"><option value="">All clinics</option></select></label>
  <label>Trend by<select id="groupBy"><option value="day">day</option><option value="week">week</option><option value="month" selected>month</option></select></label>
  <button type="submit">Show</button>
</form>
<p id="status" role="status">Loading…</p>
<section id="tiles" aria-labelledby="tiles-heading" hidden>
<h2 id="tiles-heading" class="visually-hidden">Key figures</h2>
<div class="tiles">
  <div class="tile"><span>Visits scheduled</span><b id="kpi-scheduled">–</b><small id="when-scheduled"></small></div>
  <div class="tile"><span>Completed</span><b id="kpi-completed">–</b><small id="when-completed"></small></div>
  <div class="tile"><span>No-show rate</span><b id="kpi-noShowRate">–</b><small id="when-noShowRate"></small></div>
  <div class="tile"><span>Waiting room, 90th percentile</span><b id="kpi-waitingSecondsP90">–</b><small id="when-waitingSecondsP90"></small></div>
  <div class="tile"><span>Satisfaction (1–5)</span><b id="kpi-satisfactionMean">–</b><small id="when-satisfactionMean"></small></div>
  <div class="tile"><span>Net promoter score</span><b id="kpi-nps">–</b><small id="when-nps"></small></div>
  <div class="tile"><span>Messages that reached the person</span><b id="kpi-reachRate">–</b><small id="when-reachRate"></small></div>
  <div class="tile"><span>Attendance with a reminder delivered</span><b id="kpi-attendanceRateReminded">–</b><small id="when-attendanceRateReminded"></small></div>
  <div class="tile"><span>Attendance without one</span><b id="kpi-attendanceRateNotReminded">–</b><small id="when-attendanceRateNotReminded"></small></div>
</div>
<div id="unlisted-note" hidden>Not in the directory yet, named by the start of their id: <ul id="unlisted"></ul></div>
</section>
<section id="charts" aria-labelledby="charts-heading" hidden>
<h2 id="charts-heading">Charts</h2>
<div class="charts">
  <figure class="chart"><figcaption id="trend-caption">Visits over time</figcaption><canvas id="trend" role="img" aria-labelledby="trend-caption" width="560" height="300"></canvas><details><summary>Figures of this chart</summary><div id="trend-table"></div></details></figure>
  <figure class="chart"><figcaption id="rates-caption">Rates by clinic (%)</figcaption><canvas id="rates" role="img" aria-labelledby="rates-caption" width="560" height="300"></canvas><details><summary>Figures of this chart</summary><div id="rates-table"></div></details></figure>
  <figure class="chart"><figcaption id="waiting-caption">Waiting-room time by clinic (seconds)</figcaption><canvas id="waiting" role="img" aria-labelledby="waiting-caption" width="560" height="300"></canvas><details><summary>Figures of this chart</summary><div id="waiting-table"></div></details></figure>
  <figure class="chart"><figcaption id="quality-caption">Connection quality (MOS, 1–4.5) and satisfaction (1–5) over time</figcaption><canvas id="quality" role="img" aria-labelledby="quality-caption" width="560" height="300"></canvas><details><summary>Figures of this chart</summary><div id="quality-table"></div></details></figure>
</div>
</section>
</main>
<script src="dashboard/chart.umd.js"></script>
<script src="dashboard/dashboard.js"></script>
</body>
</html>
`;
