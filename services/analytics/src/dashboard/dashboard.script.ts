import { FIGURES_SCRIPT } from './figures.script';

/** The dashboard's browser script (plain ES2020, served as /dashboard/dashboard.js). */
export const DASHBOARD_SCRIPT = `(() => {
  'use strict';
${FIGURES_SCRIPT}
  // The analyst's own calendar month: on a month's last evening west of UTC it is still that
  // month, whatever the UTC date says.
  const today = new Date();
  const thisMonth = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0');
  // The last twelve calendar months, this one included: whole months read the month buckets.
  const RECENT = monthRange(addMonths(thisMonth, -11), thisMonth);
  $('from').value = fragment.get('from') || RECENT.from;
  $('to').value = fragment.get('to') || RECENT.to;
  // A range of a few months trends by week, a longer one by month.
  const days = (Date.parse($('to').value) - Date.parse($('from').value)) / 86400000;
  $('groupBy').value = fragment.get('groupBy') || (days <= 92 ? 'week' : 'month');
  let months = [];
  const REMINDER_FIGURES = ['visitsReminded', 'attendanceRateReminded', 'visitsNotReminded', 'attendanceRateNotReminded'];

  // Clinics by the directory's name; one it does not list yet reads "Clinic" and the start of
  // its id (the API names it so, with clinicListed false).
  const clinicNames = new Map();
  const unlisted = new Set();
  const clinicName = (id) => clinicNames.get(id) || 'Clinic ' + id.slice(0, 8);
  const NOT_LISTED = 'Not in the directory yet: named by the start of its id';
  const series = (rows, name) => rows.map((r) => valueOf(r, name));
  const withheldIn = (rows, name) => rows.filter((r) => isSuppressed(r, name)).map((r) => r.period);
  const periodLabel = (period) => (/^\\d{4}-\\d{2}$/.test(period) ? monthName(period) : period);

  /** The period list names the range shown: the last 12 months, one month, or other dates. */
  function choosePeriod() {
    const from = $('from').value;
    const to = $('to').value;
    const month = from.slice(0, 7);
    if (from === RECENT.from && to === RECENT.to) $('period').value = 'recent';
    else if (from === month + '-01' && to === lastDay(month) && months.includes(month)) $('period').value = month;
    else $('period').value = 'dates';
  }
  // The months that have visits, newest first: two years back, and next month for visits
  // booked ahead.
  async function listMonths() {
    const range = monthRange(addMonths(thisMonth, -24), addMonths(thisMonth, 1));
    const page = await api('metrics', { ...range, groupBy: 'month', metrics: 'scheduled', pageSize: '1000' });
    months = page.rows.filter((r) => isSuppressed(r, 'scheduled') || r.values.scheduled > 0).map((r) => r.period).reverse();
    for (const month of months) $('period').add(new Option(monthName(month), month));
  }
  /** The report of the month shown, or of the latest month before this one that has visits. */
  function linkReport() {
    const period = $('period').value;
    const month = /^\\d{4}-\\d{2}$/.test(period) ? period : months.find((m) => m < thisMonth) || addMonths(thisMonth, -1);
    const params = new URLSearchParams({ month });
    if ($('clinic').value) params.set('clinicId', $('clinic').value);
    $('report-link').href = 'dashboard/report?' + params;
    $('report-link').textContent = 'Monthly program report, ' + monthName(month) + ($('clinic').value ? ', ' + clinicName($('clinic').value) : '');
  }

  function tile(name, text, note, none) {
    $('kpi-' + name).textContent = text;
    $('kpi-' + name).className = none ? 'none' : '';
    $('when-' + name).textContent = note || '';
  }

  async function load() {
    document.body.dataset.ready = 'false';
    $('status').textContent = 'Loading…';
    const range = { from: $('from').value, to: $('to').value, pageSize: '1000' };
    const clinic = $('clinic').value;
    const scoped = clinic ? { ...range, clinicId: clinic } : range;
    try {
      if (months.length === 0) await listMonths();
      choosePeriod();
      // Reach is kept by month: the months the range touches, at most the last 36.
      const reachTo = range.to.slice(0, 7);
      const reachFrom = range.from.slice(0, 7) < addMonths(reachTo, -35) ? addMonths(reachTo, -35) : range.from.slice(0, 7);
      const [total, trend, byClinic, reach] = await Promise.all([
        api('metrics', { ...scoped, groupBy: 'month', metrics: 'scheduled,completed,noShow,cancelled,noShowRate,waitingSecondsP90,satisfactionMean,nps,' + REMINDER_FIGURES.join(',') }),
        api('metrics', { ...scoped, groupBy: $('groupBy').value, metrics: 'scheduled,completed,noShow,cancelled,mosMean,satisfactionMean' }),
        api('metrics', { ...range, groupBy: 'month', by: 'clinic', metrics: 'scheduled,noShowRate,technicalIssueRate,audioOnlyRate,preVisitCheckFailureRate,waitingSecondsP50,waitingSecondsP90' }),
        api('reach', clinic ? { from: reachFrom, to: reachTo, clinicId: clinic } : { from: reachFrom, to: reachTo }),
      ]);
      // Totals add up the months that are shown, never a withheld one: a total that counted
      // them would give them away by difference with the months beside it. With some months
      // withheld a count reads "at least", a rate "about"; with all withheld, why.
      const shownRows = (names) => total.rows.filter((r) => names.every((n) => !isSuppressed(r, n)));
      const sum = (rows, name) => rows.reduce((s, r) => s + (r.values[name] || 0), 0);
      const someWithheld = 'some months withheld (fewer than ' + MIN_CELL + ' visits)';
      const counted = (name) => {
        const rows = shownRows([name]);
        if (total.rows.length > 0 && rows.length === 0) return tile(name, withheldText(name), 'in every month of the range', true);
        const partial = rows.length < total.rows.length;
        const value = sum(rows, name);
        tile(name, (partial ? '≥ ' : '') + format(name, value), partial ? someWithheld : value === 0 ? 'no visits in this period' : '');
      };
      counted('scheduled');
      counted('completed');
      const rateNames = ['scheduled', 'cancelled', 'noShow'];
      const rateRows = shownRows(rateNames);
      const scheduled = sum(rateRows, 'scheduled');
      const cancelled = sum(rateRows, 'cancelled');
      if (total.rows.length > 0 && rateRows.length === 0) tile('noShowRate', withheldText('noShowRate'), 'in every month of the range', true);
      else if (scheduled - cancelled > 0) tile('noShowRate', (rateRows.length < total.rows.length ? '≈ ' : '') + format('noShowRate', sum(rateRows, 'noShow') / (scheduled - cancelled)), rateRows.length < total.rows.length ? someWithheld : '');
      else tile('noShowRate', scheduled === 0 ? 'no visits in this period' : METRIC.noShowRate.none, '', true);
      // Percentiles, means and NPS do not add up across months: each of these tiles shows the
      // latest month that has the figure, and names that month when the range has several.
      const latest = (name) => {
        const withFigure = total.rows.filter((r) => valueOf(r, name) !== null);
        const row = withFigure[withFigure.length - 1];
        if (row) return tile(name, format(name, valueOf(row, name)), total.rows.length > 1 ? 'in ' + monthName(row.period) : '');
        if (total.rows.some((r) => isSuppressed(r, name))) return tile(name, withheldText(name), total.rows.length > 1 ? 'in every month of the range' : '', true);
        tile(name, sum(total.rows, 'scheduled') === 0 ? 'no visits in this period' : METRIC[name].none, '', true);
      };
      latest('waitingSecondsP90');
      latest('satisfactionMean');
      latest('nps');
      // A rate over several months weighs each month shown by its size; withheld months are left
      // out (the rate then reads "about"), and with every month withheld it says so.
      const pooled = (rows, rateOf, sizeOf, withheld) => {
        const shown = rows.filter((r) => !withheld(r));
        const size = shown.reduce((s, r) => s + (sizeOf(r) || 0), 0);
        const hits = shown.reduce((s, r) => s + (rateOf(r) || 0) * (sizeOf(r) || 0), 0);
        return { size, rate: size > 0 ? hits / size : null, partial: shown.length < rows.length, none: rows.length > 0 && shown.length === 0 };
      };
      const span = reachFrom === reachTo ? monthName(reachTo) : monthName(reachFrom) + ' to ' + monthName(reachTo);
      const reached = pooled(reach.rows, (r) => r.values.reachRate, (r) => r.values.messages, (r) => Boolean(r.suppressed));
      if (reached.none) tile('reachRate', 'withheld: fewer than ' + MIN_CELL + ' messages', 'in every month of the range', true);
      else if (reached.rate === null) tile('reachRate', 'no messages sent, failed or bounced', '', true);
      else tile('reachRate', (reached.partial ? '≈ ' : '') + asNumber(100 * reached.rate, 1) + ' %', 'of ' + asNumber(reached.size, 0) + ' messages, ' + span + (reached.partial ? '; some months withheld' : ''));
      for (const [rate, size] of [['attendanceRateReminded', 'visitsReminded'], ['attendanceRateNotReminded', 'visitsNotReminded']]) {
        const group = pooled(total.rows, (r) => r.values[rate], (r) => r.values[size], (r) => isSuppressed(r, size));
        if (group.none) tile(rate, withheldText(rate), 'in every month of the range', true);
        else if (group.rate === null) tile(rate, group.size === 0 && sum(total.rows, 'scheduled') === 0 ? 'no visits in this period' : METRIC[rate].none, '', true);
        else tile(rate, (group.partial ? '≈ ' : '') + format(rate, group.rate), 'of ' + asNumber(group.size, 0) + ' visits that ended' + (group.partial ? '; some months withheld' : ''));
      }

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
      const clinicIds = [...clinics.keys()];
      // A clinic's rate over the range weighs the months shown by their visits; withheld months
      // are left out, and a clinic with every month withheld has no bar.
      const withheldClinic = (id, name) =>
        byClinic.rows.filter((r) => r.clinicId === id).every((r) => isSuppressed(r, name) || isSuppressed(r, 'scheduled'));
      const weighted = (id, name) => {
        if (withheldClinic(id, name)) return null;
        const rows = clinics.get(id).rows.filter((r) => r[name] !== null && r.scheduled !== null);
        const w = rows.reduce((s, r) => s + (r.scheduled || 0), 0);
        return w > 0 ? rows.reduce((s, r) => s + (r[name] || 0) * (r.scheduled || 0), 0) / w : null;
      };
      const labels = trend.rows.map((r) => periodLabel(r.period));
      const overTime = (names) => names.map((name) => ({
        metric: name, label: titleOf(name), data: series(trend.rows, name), suppressed: withheldIn(trend.rows, name).map(periodLabel), tension: 0 }));
      const byClinicOf = (names, percent) => names.map((name) => {
        const raw = clinicIds.map((id) => weighted(id, name));
        return { metric: name, label: titleOf(name), raw, data: percent ? raw.map((v) => (v === null ? null : 100 * v)) : raw,
          suppressed: clinicIds.filter((id) => withheldClinic(id, name)).map(clinicName) };
      });
      $('trend-caption').textContent = 'Visits per ' + $('groupBy').value;
      draw('trend', { type: 'line', data: { labels, datasets: overTime(['scheduled', 'completed', 'noShow', 'cancelled']) } });
      draw('rates', { type: 'bar', data: { labels: clinicIds.map(clinicName), datasets: byClinicOf(['noShowRate', 'technicalIssueRate', 'audioOnlyRate', 'preVisitCheckFailureRate'], true) } });
      draw('waiting', { type: 'bar', data: { labels: clinicIds.map(clinicName), datasets: byClinicOf(['waitingSecondsP50', 'waitingSecondsP90'], false) } });
      draw('quality', { type: 'line', data: { labels, datasets: overTime(['mosMean', 'satisfactionMean']) } });
      const anyWithheld = [total, trend, byClinic].some((page) => page.rows.some((r) => r.suppressed && r.suppressed.length > 0));
      $('status').textContent = range.from + ' to ' + range.to + (clinic ? ', ' + clinicName(clinic) : ', all clinics you cover') +
        ' (projection version ' + total.version + ').' + (anyWithheld ? ' Some figures are withheld: fewer than ' + MIN_CELL + ' visits or survey responses could identify someone.' : '');
      const notListed = $('unlisted');
      notListed.replaceChildren();
      for (const id of clinicIds.filter((id) => unlisted.has(id))) {
        const item = document.createElement('li');
        item.textContent = clinicName(id);
        item.title = NOT_LISTED;
        notListed.append(item);
      }
      $('unlisted-note').hidden = notListed.children.length === 0;
      linkReport();
      $('tiles').hidden = false;
      $('charts').hidden = false;
      document.body.dataset.ready = 'true';
    } catch (error) {
      $('status').textContent = error.message;
    }
  }

  $('period').addEventListener('change', () => {
    const period = $('period').value;
    const range = period === 'recent' ? RECENT : /^\\d{4}-\\d{2}$/.test(period) ? monthRange(period) : null;
    if (!range) return;
    $('from').value = range.from;
    $('to').value = range.to;
    $('groupBy').value = period === 'recent' ? 'month' : 'week';
    void load();
  });
  for (const id of ['from', 'to']) $(id).addEventListener('change', choosePeriod);
  $('clinic').addEventListener('change', linkReport);
  // The table behind the page as CSV, per month and clinic, with the clinics' names beside
  // their ids: fetched with the token (a plain link could not carry it) and saved as a file.
  $('csv').addEventListener('click', async () => {
    const params = { from: $('from').value, to: $('to').value, groupBy: 'month', by: 'clinic' };
    if ($('clinic').value) params.clinicId = $('clinic').value;
    try {
      const blob = await (await fetchApi('metrics.csv', params)).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'telehealth-metrics-' + params.from + '-to-' + params.to + '.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    } catch (error) {
      $('status').textContent = error.message;
    }
  });
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); void load(); });
  onTokenSaved(() => void load());
  void load();
})();
`;
