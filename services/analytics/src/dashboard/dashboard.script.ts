/** The dashboard's browser script (plain ES2020, served as /dashboard/dashboard.js). */
export const DASHBOARD_SCRIPT = `(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('thc-analytics-token', fragment.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 364 * 86400000);
  $('from').value = fragment.get('from') || yearAgo.toISOString().slice(0, 10);
  $('to').value = fragment.get('to') || today.toISOString().slice(0, 10);
  const charts = {};
  // Clinics by the directory's name; one it does not list yet reads "Clinic" and the start of
  // its id (the API names it so, with clinicListed false).
  const clinicNames = new Map();
  const unlisted = new Set();
  const clinicName = (id) => clinicNames.get(id) || 'Clinic ' + id.slice(0, 8);
  const NOT_LISTED = 'Not in the directory yet: named by the start of its id';
  const pct = (v) => (v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %');
  const num = (v, digits = 0) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
  // Figures made of too few visits or survey responses come back withheld (null, named in the
  // row's suppressed list): they read "suppressed", never a number or a dash.
  const SUPPRESSED = 'suppressed';
  const isSuppressed = (row, name) => Boolean(row && row.suppressed && row.suppressed.includes(name));
  const shown = (row, name, format) => (isSuppressed(row, name) ? SUPPRESSED : format(row ? row.values[name] : null));
  const series = (rows, name) => rows.map((r) => (isSuppressed(r, name) ? null : r.values[name]));
  const withheldIn = (rows, name) => rows.filter((r) => isSuppressed(r, name)).map((r) => r.period + (r.clinicId ? ' ' + clinicName(r.clinicId) : ''));

  async function api(params) {
    const token = sessionStorage.getItem('thc-analytics-token');
    if (!token) { $('token-form').hidden = false; throw new Error('a bearer token is needed'); }
    const response = await fetch('/api/v1/analytics/metrics?' + new URLSearchParams(params), {
      headers: { authorization: 'Bearer ' + token },
    });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem('thc-analytics-token');
      $('token-form').hidden = false;
      throw new Error('the token was refused (' + response.status + '): an analyst token is needed');
    }
    if (!response.ok) throw new Error('the API answered ' + response.status);
    return response.json();
  }

  // The figures each chart draws are also left on its canvas (data-values), for assistive
  // technology and for the end-to-end test, which reads them without running page scripts.
  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), config);
    $(id).dataset.values = JSON.stringify({
      labels: config.data.labels,
      datasets: config.data.datasets.map((d) => ({ label: d.label, data: d.data, suppressed: d.suppressed || [] })),
    });
  }

  async function load() {
    document.body.dataset.ready = 'false';
    $('status').textContent = 'Loading…';
    const range = { from: $('from').value, to: $('to').value, pageSize: '1000' };
    const clinic = $('clinic').value;
    const scoped = clinic ? { ...range, clinicId: clinic } : range;
    try {
      const [total, trend, byClinic] = await Promise.all([
        api({ ...scoped, groupBy: 'month', metrics: 'scheduled,completed,noShow,cancelled,noShowRate,waitingSecondsP90,satisfactionMean,nps' }),
        api({ ...scoped, groupBy: $('groupBy').value, metrics: 'scheduled,completed,noShow,cancelled,mosMean,satisfactionMean' }),
        api({ ...range, groupBy: 'month', by: 'clinic', metrics: 'scheduled,noShowRate,technicalIssueRate,audioOnlyRate,preVisitCheckFailureRate,waitingSecondsP50,waitingSecondsP90' }),
      ]);
      // Totals add up the months that are shown, never a withheld one: a total that counted
      // them would give them away by difference with the months beside it. With some months
      // withheld a count reads "at least", a rate "about"; with all withheld, suppressed.
      const shownRows = (names) => total.rows.filter((r) => names.every((n) => !isSuppressed(r, n)));
      const sum = (rows, name) => rows.reduce((s, r) => s + (r.values[name] || 0), 0);
      const qualified = (names, value) => {
        const shown = shownRows(names).length;
        if (total.rows.length > 0 && shown === 0) return SUPPRESSED;
        return shown < total.rows.length ? (names.length > 1 ? '≈ ' : '≥ ') + value : String(value);
      };
      const rateNames = ['scheduled', 'cancelled', 'noShow'];
      const rateRows = shownRows(rateNames);
      const scheduled = sum(rateRows, 'scheduled');
      const noShow = sum(rateRows, 'noShow');
      const cancelled = sum(rateRows, 'cancelled');
      $('kpi-scheduled').textContent = qualified(['scheduled'], sum(shownRows(['scheduled']), 'scheduled'));
      $('kpi-completed').textContent = qualified(['completed'], sum(shownRows(['completed']), 'completed'));
      $('kpi-noShowRate').textContent = qualified(rateNames, pct(scheduled - cancelled > 0 ? noShow / (scheduled - cancelled) : null));
      // Percentiles, means and NPS do not add up across months: each of these tiles shows the
      // latest month that has the figure, and names that month when the range has several.
      const latest = (name, format) => {
        const withFigure = total.rows.filter((r) => !isSuppressed(r, name) && r.values[name] !== null && r.values[name] !== undefined);
        const row = withFigure[withFigure.length - 1];
        $('when-' + name).textContent = row && total.rows.length > 1 ? 'in ' + row.period : '';
        if (row) return format(row.values[name]);
        return total.rows.some((r) => isSuppressed(r, name)) ? SUPPRESSED : '–';
      };
      $('kpi-waitingSecondsP90').textContent = latest('waitingSecondsP90', (v) => num(v) + ' s');
      $('kpi-satisfactionMean').textContent = latest('satisfactionMean', (v) => num(v, 2));
      $('kpi-nps').textContent = latest('nps', (v) => num(v));

      const clinics = new Map();
      for (const row of byClinic.rows) {
        const entry = clinics.get(row.clinicId) || { rows: [] };
        const values = { ...row.values };
        for (const name of row.suppressed || []) values[name] = null;
        entry.rows.push(values);
        clinics.set(row.clinicId, entry);
        if (row.clinicName) clinicNames.set(row.clinicId, row.clinicName);
        if (row.clinicListed === false) unlisted.add(row.clinicId);
        else unlisted.delete(row.clinicId);
      }
      const select = $('clinic');
      if (select.options.length === 1)
        for (const id of [...clinics.keys()].sort((a, b) => clinicName(a).localeCompare(clinicName(b)))) {
          const option = new Option(clinicName(id), id);
          if (unlisted.has(id)) option.title = NOT_LISTED;
          select.add(option);
        }
      // Rates over the whole range per clinic, from the monthly rows weighted by visits.
      const clinicIds = [...clinics.keys()];
      // A clinic's rate over the range weighs the months shown; withheld months are left out,
      // and a clinic with every month withheld has no bar.
      const withheldClinic = (id, name) =>
        byClinic.rows.filter((r) => r.clinicId === id).every((r) => isSuppressed(r, name) || isSuppressed(r, 'scheduled'));
      const weighted = (id, name) => {
        if (withheldClinic(id, name)) return null;
        const rows = clinics.get(id).rows.filter((r) => r[name] !== null && r.scheduled !== null);
        const w = rows.reduce((s, r) => s + (r.scheduled || 0), 0);
        return w > 0 ? rows.reduce((s, r) => s + (r[name] || 0) * (r.scheduled || 0), 0) / w : null;
      };
      const labels = trend.rows.map((r) => r.period);
      draw('trend', {
        type: 'line',
        data: { labels, datasets: ['scheduled', 'completed', 'noShow', 'cancelled'].map((name) => ({
          label: name, data: series(trend.rows, name), suppressed: withheldIn(trend.rows, name), tension: 0.2 })) },
        options: { plugins: { title: { display: true, text: 'Visits per ' + $('groupBy').value } } },
      });
      draw('rates', {
        type: 'bar',
        data: { labels: clinicIds.map(clinicName), datasets: ['noShowRate', 'technicalIssueRate', 'audioOnlyRate', 'preVisitCheckFailureRate'].map((name) => ({
          label: name, data: clinicIds.map((id) => weighted(id, name)), suppressed: clinicIds.filter((id) => withheldClinic(id, name)).map(clinicName) })) },
        options: { plugins: { title: { display: true, text: 'Rates by clinic' } } },
      });
      draw('waiting', {
        type: 'bar',
        data: { labels: clinicIds.map(clinicName), datasets: ['waitingSecondsP50', 'waitingSecondsP90'].map((name) => ({
          label: name, data: clinicIds.map((id) => weighted(id, name)), suppressed: clinicIds.filter((id) => withheldClinic(id, name)).map(clinicName) })) },
        options: { plugins: { title: { display: true, text: 'Waiting-room time (s) by clinic' } } },
      });
      draw('quality', {
        type: 'line',
        data: { labels, datasets: ['mosMean', 'satisfactionMean'].map((name) => ({
          label: name, data: series(trend.rows, name), suppressed: withheldIn(trend.rows, name), tension: 0.2 })) },
        options: { plugins: { title: { display: true, text: 'Connection quality (MOS) and satisfaction' } } },
      });
      const anyWithheld = [total, trend, byClinic].some((page) => page.rows.some((r) => r.suppressed && r.suppressed.length > 0));
      $('status').textContent = 'Projection version ' + total.version + ', ' + range.from + ' to ' + range.to + (clinic ? ', ' + clinicName(clinic) : ', all clinics you cover') + (anyWithheld ? '. Some figures are suppressed: too few visits or survey responses to show without identifying someone.' : '');
      const notListed = $('unlisted');
      notListed.replaceChildren();
      for (const id of clinicIds.filter((id) => unlisted.has(id))) {
        const item = document.createElement('li');
        item.textContent = clinicName(id);
        item.title = NOT_LISTED;
        notListed.append(item);
      }
      $('unlisted-note').hidden = notListed.children.length === 0;
      document.body.dataset.ready = 'true';
    } catch (error) {
      $('status').textContent = error.message;
    }
  }

  $('filters').addEventListener('submit', (event) => { event.preventDefault(); void load(); });
  $('token-save').addEventListener('click', () => {
    sessionStorage.setItem('thc-analytics-token', $('token').value.trim());
    $('token').value = '';
    $('token-form').hidden = true;
    void load();
  });
  void load();
})();
`;
