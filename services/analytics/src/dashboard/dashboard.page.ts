/**
 * The dashboard page. It holds no data: its script asks the analyst query API with a bearer
 * token that the analyst pastes once (kept in this tab's sessionStorage) or passes in the URL
 * fragment (`#token=...`, never sent to the server), so the API stays deny-by-default.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Telehealth program dashboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2933; background: #f7f9fb; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  form, .token { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
  label { display: flex; flex-direction: column; font-size: .8rem; gap: .2rem; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin-bottom: 1rem; }
  .tile { background: #fff; border-radius: .5rem; padding: .75rem; box-shadow: 0 1px 2px #0002; }
  .tile b { display: block; font-size: 1.5rem; }
  .tile small { color: #52606d; }
  #unlisted-note { font-size: .8rem; color: #52606d; margin-bottom: .75rem; }
  #unlisted-note ul { display: inline; padding: 0; }
  #unlisted-note li { display: inline; margin-right: .75rem; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }
  .chart { background: #fff; border-radius: .5rem; padding: .75rem; box-shadow: 0 1px 2px #0002; }
  #status { font-size: .85rem; color: #52606d; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<h1>Is our telehealth program working?</h1>
<div class="token" id="token-form" hidden>
  <label>Bearer token (analyst)<input id="token" type="password" size="60" autocomplete="off"></label>
  <button id="token-save" type="button">Use token</button>
</div>
<form id="filters">
  <label>From<input id="from" type="date" required></label>
  <label>To<input id="to" type="date" required></label>
  <label>Clinic<select id="clinic"><option value="">All clinics</option></select></label>
  <label>Trend by<select id="groupBy"><option value="day">day</option><option value="week" selected>week</option><option value="month">month</option></select></label>
  <button type="submit">Show</button>
</form>
<p id="status">Loading…</p>
<div class="tiles">
  <div class="tile">Visits scheduled<b id="kpi-scheduled">–</b></div>
  <div class="tile">Completed<b id="kpi-completed">–</b></div>
  <div class="tile">No-show rate<b id="kpi-noShowRate">–</b></div>
  <div class="tile">Waiting room p90<b id="kpi-waitingSecondsP90">–</b><small id="when-waitingSecondsP90"></small></div>
  <div class="tile">Satisfaction<b id="kpi-satisfactionMean">–</b><small id="when-satisfactionMean"></small></div>
  <div class="tile">NPS<b id="kpi-nps">–</b><small id="when-nps"></small></div>
</div>
<div id="unlisted-note" hidden>Not in the directory yet, named by the start of their id: <ul id="unlisted"></ul></div>
<div class="charts">
  <div class="chart"><canvas id="trend" aria-label="Visits over time"></canvas></div>
  <div class="chart"><canvas id="rates" aria-label="Rates by clinic"></canvas></div>
  <div class="chart"><canvas id="waiting" aria-label="Waiting-room time by clinic"></canvas></div>
  <div class="chart"><canvas id="quality" aria-label="Quality and satisfaction over time"></canvas></div>
</div>
<script src="/dashboard/chart.umd.js"></script>
<script src="/dashboard/dashboard.js"></script>
</body>
</html>
`;
