import { metricNotes } from './figure-notes';

/**
 * Browser code the dashboard and the monthly report share (plain ES2020, placed at the top of
 * each page's script): the analyst's token, calls to the analyst API, how a figure reads (or
 * why there is none), and charts drawn with a table of their figures beside them.
 */
export const FIGURES_SCRIPT = `
  const $ = (id) => document.getElementById(id);
  const METRIC = ${JSON.stringify(metricNotes())};
  const MIN_CELL = Number(document.body.dataset.minCellCount) || 11;
  const TOKEN_KEY = 'thc-analytics-token';
  // The token arrives in the URL fragment (never sent to the server) or is pasted once; it is
  // kept in this tab's sessionStorage and the fragment is taken off the address bar.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  // Where the service's routes start: '' when the page is the service's own /dashboard, the
  // prefix when a proxy serves it under one (the web app's /svc/analytics/dashboard).
  const ROOT = location.pathname.replace(new RegExp('/dashboard(/.*)?$'), '');
  async function api(path, params) {
    return (await fetchApi(path, params)).json();
  }
  async function fetchApi(path, params) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) { $('token-form').hidden = false; throw new Error('An analyst token is needed: paste one above.'); }
    const response = await fetch(ROOT + '/api/v1/analytics/' + path + '?' + new URLSearchParams(params), {
      headers: { authorization: 'Bearer ' + token },
    });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('token-form').hidden = false;
      throw new Error('The token was refused (' + response.status + '): an analyst token for these clinics is needed.');
    }
    if (!response.ok) throw new Error('The analytics service answered ' + response.status + '.');
    return response;
  }
  function onTokenSaved(then) {
    $('token-save').addEventListener('click', () => {
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      $('token').value = '';
      $('token-form').hidden = true;
      then();
    });
  }

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const monthName = (month) => MONTHS[Number(month.slice(5, 7)) - 1] + ' ' + month.slice(0, 4);
  const addMonths = (month, n) => {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
    return Math.floor(index / 12) + '-' + String((index % 12) + 1).padStart(2, '0');
  };
  const lastDay = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const monthRange = (first, last) => ({ from: first + '-01', to: lastDay(last || first) });

  const isSuppressed = (row, name) => Boolean(row && row.suppressed && row.suppressed.includes(name));
  const withheldText = (name) =>
    'withheld: fewer than ' + MIN_CELL + (METRIC[name].population === 'responses' ? ' survey responses' : ' visits');
  const titleOf = (name) => METRIC[name].title;
  const valueOf = (row, name) => (row && !isSuppressed(row, name) && row.values[name] !== undefined ? row.values[name] : null);
  const asNumber = (v, digits) => Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  function format(name, v) {
    const unit = METRIC[name].unit;
    if (unit === 'count') return asNumber(v, 0);
    if (unit === 'ratio') return asNumber(100 * v, 1) + ' %';
    if (unit === 'seconds') return asNumber(v, 0) + ' s';
    if (unit === 'minutes') return asNumber(v, v >= 100 ? 0 : 1) + ' min';
    if (unit === 'hours') return asNumber(v, 1) + ' h';
    return asNumber(v, name === 'nps' ? 0 : 2);
  }
  /** A figure as it reads: its value, or in words why there is none. */
  function reading(row, name) {
    if (isSuppressed(row, name)) return { text: withheldText(name), value: null };
    const v = valueOf(row, name);
    if (v !== null) return { text: format(name, v), value: v };
    const noVisits = !row || (valueOf(row, 'scheduled') === 0 && METRIC[name].population !== 'none');
    return { text: noVisits ? 'no visits in this period' : METRIC[name].none, value: null };
  }
  /** The change from one period to the next, in the figure's own unit (rates in points). */
  function change(name, now, before) {
    if (now === null || before === null) return null;
    const d = now - before;
    const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
    const unit = METRIC[name].unit;
    if (unit === 'ratio') return sign + asNumber(Math.abs(100 * d), 1) + ' pts';
    if (unit === 'count') return sign + asNumber(Math.abs(d), 0) + (before > 0 ? ' (' + sign + asNumber(Math.abs((100 * d) / before), 0) + ' %)' : '');
    return sign + format(name, Math.abs(d));
  }

  function cell(tag, text, attributes) {
    const element = document.createElement(tag);
    element.textContent = text;
    for (const [key, value] of Object.entries(attributes || {})) if (value !== undefined && value !== null) element.setAttribute(key, value);
    return element;
  }
  /** A table with a caption, column headers and a header cell per row; rows: [header, ...cells]. */
  function table(caption, headers, rows) {
    const t = document.createElement('table');
    t.append(cell('caption', caption));
    const head = t.createTHead().insertRow();
    for (const h of headers) head.append(cell('th', h, { scope: 'col' }));
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      if (r.key) tr.dataset.key = r.key;
      tr.append(cell('th', r.cells[0], { scope: 'row' }));
      for (const c of r.cells.slice(1)) {
        const td = typeof c === 'object' && c !== null ? cell('td', c.text, { 'data-value': c.value === null ? undefined : String(c.value) }) : cell('td', c);
        if (typeof c === 'object' && c !== null && c.value === null) td.className = 'none';
        tr.append(td);
      }
    }
    // On a narrow screen the table scrolls sideways inside its box: the box takes the keyboard
    // focus so it can be scrolled without a pointer, and is named for screen readers.
    const wrap = cell('div', '', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption });
    wrap.append(t);
    return wrap;
  }

  const COLOURS = ['#0b5394', '#b45309', '#047857', '#7c3aed', '#be123c', '#4b5563'];
  const charts = {};
  /**
   * Draws a chart without animation (so it is complete before printing) at a fixed size that
   * the page scales down, and puts its figures in a table beside it: the text alternative
   * for screen readers, and what the browser tests read (data-values).
   */
  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    const datasets = config.data.datasets.map((d, i) => ({ ...d, backgroundColor: COLOURS[i % COLOURS.length], borderColor: COLOURS[i % COLOURS.length] }));
    charts[id] = new Chart($(id), {
      ...config,
      data: { ...config.data, datasets },
      options: { responsive: false, animation: false, devicePixelRatio: 2, scales: { y: { beginAtZero: true } }, ...(config.options || {}) },
    });
    $(id).dataset.values = JSON.stringify({
      labels: config.data.labels,
      datasets: config.data.datasets.map((d) => ({ metric: d.metric, label: d.label, data: d.raw || d.data, suppressed: d.suppressed || [] })),
    });
    const shown = (d, i) => {
      const v = (d.raw || d.data)[i];
      if (v !== null && v !== undefined) return format(d.metric, v);
      return (d.suppressed || []).includes(config.data.labels[i]) ? 'withheld' : 'none';
    };
    $(id + '-table').replaceChildren(table('The figures of this chart', ['', ...config.data.datasets.map((d) => d.label)],
      config.data.labels.map((label, i) => ({ cells: [label, ...config.data.datasets.map((d) => shown(d, i))] }))));
  }
`;
