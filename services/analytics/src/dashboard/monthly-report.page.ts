import { PAGE_STYLE } from './page-style';

const SECTIONS = [
  { id: 'visits', title: 'Visits', chart: 'Visits per month, the twelve months to this one' },
  {
    id: 'waiting',
    title: 'Waiting and punctuality',
    chart: 'Waiting-room time per month (seconds)',
  },
  {
    id: 'quality',
    title: 'Connection quality',
    chart: 'Technical issues, audio-only fallbacks and failed pre-visit checks per month (%)',
  },
  { id: 'satisfaction', title: 'Patient satisfaction', chart: 'Satisfaction per month (1–5)' },
  { id: 'reach', title: 'Reach and equity', chart: 'Visits by clinic this month' },
] as const;

const section = ({ id, title, chart }: (typeof SECTIONS)[number]) => `
<section id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${title}</h2>
<div class="section-body">
  <div class="figure-box" id="${id}-figures"></div>
  <figure class="chart"><figcaption id="${id}-chart-caption">${chart}</figcaption><canvas id="${id}-chart" role="img" aria-labelledby="${id}-chart-caption" width="620" height="300"></canvas><details><summary>Figures of this chart</summary><div id="${id}-chart-table"></div></details></figure>
</div>
<div id="${id}-more"></div>
</section>`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The printable monthly program report. Like the dashboard it holds no data: its script reads
 * the analyst API with the analyst's token, for the month (and clinic) in the address, which
 * the server has checked before writing them into the page.
 */
export function monthlyReportHtml(minCellCount: number, month: string, clinicId?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Telehealth program report, ${escape(month)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${PAGE_STYLE}
  .section-body { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(30rem, 100%), 1fr)); gap: 1rem; align-items: start; }
  #scope { margin: 0 0 .5rem; }
  @page { size: auto; margin: 14mm 12mm; }
  @media print {
    body { background: #fff; font-size: 10pt; }
    nav, #token-form, details { display: none !important; }
    header, main { max-width: none; padding: 0; }
    section + section { break-before: page; }
    h2 { break-after: avoid; }
    .section-body { display: block; }
    .figure-box, .chart { box-shadow: none; padding: 0; margin-bottom: 6mm; }
    figure, table, tr { break-inside: avoid; }
    thead { display: table-header-group; }
    canvas { width: 100% !important; max-width: 17cm; height: auto !important; }
    .table-wrap { overflow: visible; }
    table { width: 100%; }
  }
</style>
</head>
<body data-min-cell-count="${minCellCount}" data-month="${escape(month)}" data-clinic-id="${escape(clinicId ?? '')}">
<header>
<h1 id="title">Telehealth program report</h1>
<nav aria-label="Report">
  <a href="../dashboard">Back to the dashboard</a>
  <form id="month-form" method="get" action="report">
    <label>Month<input id="month" name="month" type="month" value="${escape(month)}" required></label>
    ${clinicId ? `<input type="hidden" name="clinicId" value="${escape(clinicId)}">` : ''}
    <button type="submit">Show month</button>
  </form>
  <button id="print" type="button">Print / Save as PDF</button>
</nav>
</header>
<main>
<div class="token" id="token-form" hidden>
  <label>Bearer token (analyst)<input id="token" type="password" autocomplete="off"></label>
  <button id="token-save" type="button">Use token</button>
</div>
<p id="scope"></p>
<p id="status" role="status">Loading…</p>
<div id="report" hidden>
${SECTIONS.map(section).join('\n')}
<section id="providers" aria-labelledby="providers-heading">
<h2 id="providers-heading">By provider</h2>
<div id="providers-more"></div>
</section>
</div>
</main>
<script src="chart.umd.js"></script>
<script src="report.js"></script>
</body>
</html>
`;
}
