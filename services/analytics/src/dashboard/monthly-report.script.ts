import { FIGURES_SCRIPT } from './figures.script';

/** The monthly report's browser script (plain ES2020, served as /dashboard/report.js). */
export const MONTHLY_REPORT_SCRIPT = `(() => {
  'use strict';
${FIGURES_SCRIPT}
  const MONTH = document.body.dataset.month;
  const CLINIC = document.body.dataset.clinicId || '';
  const PREVIOUS = addMonths(MONTH, -1);
  const FIRST = addMonths(MONTH, -11);
  const scope = CLINIC ? { clinicId: CLINIC } : {};
  // Completion is read from three counts of the table: the share of visits not cancelled that
  // took place. It is withheld whenever one of them is.
  METRIC.completionRate = { title: 'Completion rate (of visits not cancelled)', unit: 'ratio', population: 'visits', none: 'no visits that were not cancelled' };
  function withCompletion(row) {
    const parts = ['scheduled', 'completed', 'cancelled'];
    if (parts.some((n) => isSuppressed(row, n))) return { ...row, suppressed: [...(row.suppressed || []), 'completionRate'] };
    const open = row.values.scheduled - row.values.cancelled;
    return { ...row, values: { ...row.values, completionRate: open > 0 ? row.values.completed / open : null } };
  }
  const FIGURES = {
    visits: ['scheduled', 'completed', 'completionRate', 'cancelled', 'lateCancelled', 'noShow', 'noShowRate', 'leadTimeHoursMean'],
    waiting: ['waitingSecondsMean', 'waitingSecondsP50', 'waitingSecondsP90', 'providerLatenessSecondsMean', 'durationMinutesMean'],
    quality: ['mosMean', 'mosP10', 'technicalIssueRate', 'timeToResolveSecondsMean', 'preVisitCheckFailureRate', 'audioOnlyRate'],
    satisfaction: ['satisfactionMean', 'satisfactionTopBox', 'nps', 'surveyResponseRate'],
    reach: ['availableMinutes', 'bookedMinutes', 'utilizationBooked', 'utilizationCompleted', 'trainingCompliance'],
  };
  const TABLE_METRICS = Object.values(FIGURES).flat().filter((n) => n !== 'completionRate');
  const BY_CLINIC = ['scheduled', 'completed', 'noShowRate', 'waitingSecondsP90', 'audioOnlyRate', 'satisfactionMean', 'trainingCompliance'];
  const BY_TYPE = ['scheduled', 'completed', 'noShowRate', 'technicalIssueRate', 'satisfactionMean'];
  const BY_PROVIDER = ['scheduled', 'completed', 'noShowRate', 'waitingSecondsP50', 'satisfactionMean'];
  const TYPE_NAMES = { video: 'Video visits', audio: 'Audio-only visits' };

  $('title').textContent = 'Telehealth program report, ' + monthName(MONTH);
  document.title = $('title').textContent;
  $('print').addEventListener('click', () => window.print());

  function figuresTable(section, current, previous) {
    const rows = FIGURES[section].map((name) => {
      const now = reading(current, name);
      const before = reading(previous, name);
      const moved = change(name, now.value, before.value);
      return { key: name, cells: [titleOf(name), now, before, moved === null ? { text: 'not comparable', value: null } : { text: moved, value: now.value - before.value }] };
    });
    $(section + '-figures').replaceChildren(table('The figures of ' + monthName(MONTH) + ' and the month before',
      ['Figure', monthName(MONTH), monthName(PREVIOUS), 'Change'], rows));
  }
  function splitTable(caption, first, rows, labelOf, keyOf, names) {
    if (rows.length === 0) {
      const note = document.createElement('p');
      note.textContent = caption + ': no visits in ' + monthName(MONTH) + '.';
      return note;
    }
    return table(caption, [first, ...names.map(titleOf)], rows.map((r) => ({ key: keyOf(r), cells: [labelOf(r), ...names.map((n) => reading(r, n))] })));
  }
  const percent = (values) => values.map((v) => (v === null ? null : 100 * v));
  function overTime(rows, names, asPercent) {
    return names.map((name) => {
      const raw = rows.map((r) => valueOf(r, name));
      return { metric: name, label: titleOf(name), raw, data: asPercent ? percent(raw) : raw, tension: 0,
        suppressed: rows.filter((r) => isSuppressed(r, name)).map((r) => monthName(r.period)) };
    });
  }

  async function load() {
    document.body.dataset.ready = 'false';
    $('status').textContent = 'Loading…';
    try {
      const year = monthRange(FIRST, MONTH);
      const month = monthRange(MONTH);
      const [trend, byClinic, byType, byProvider] = await Promise.all([
        api('metrics', { ...year, ...scope, groupBy: 'month', metrics: TABLE_METRICS.join(','), pageSize: '1000' }),
        api('metrics', { ...year, ...scope, groupBy: 'month', by: 'clinic', metrics: BY_CLINIC.join(','), pageSize: '1000' }),
        api('metrics', { ...month, ...scope, groupBy: 'month', by: 'visitType', metrics: BY_TYPE.join(','), pageSize: '1000' }),
        api('metrics', { ...month, ...scope, groupBy: 'month', by: 'provider', metrics: BY_PROVIDER.join(','), pageSize: '1000' }),
      ]);
      const rows = trend.rows.map(withCompletion);
      const current = rows.find((r) => r.period === MONTH);
      const previous = rows.find((r) => r.period === PREVIOUS);
      const clinicNames = new Map(byClinic.rows.map((r) => [r.clinicId, r.clinicName]));
      const clinicName = (id) => clinicNames.get(id) || 'Clinic ' + id.slice(0, 8);
      $('scope').textContent = (CLINIC ? clinicName(CLINIC) : 'All clinics you cover') + ', ' + monthName(MONTH) + ', compared with ' + monthName(PREVIOUS) + '.';
      for (const section of Object.keys(FIGURES)) figuresTable(section, current, previous);

      const labels = rows.map((r) => monthName(r.period));
      draw('visits-chart', { type: 'bar', data: { labels, datasets: overTime(rows, ['scheduled', 'completed', 'noShow', 'cancelled']) } });
      draw('waiting-chart', { type: 'line', data: { labels, datasets: overTime(rows, ['waitingSecondsP50', 'waitingSecondsP90']) } });
      draw('quality-chart', { type: 'line', data: { labels, datasets: overTime(rows, ['technicalIssueRate', 'audioOnlyRate', 'preVisitCheckFailureRate'], true) } });
      draw('satisfaction-chart', { type: 'line', data: { labels, datasets: overTime(rows, ['satisfactionMean']) }, options: { scales: { y: { min: 1, max: 5 } } } });

      const clinicsThisMonth = byClinic.rows.filter((r) => r.period === MONTH).sort((a, b) => clinicName(a.clinicId).localeCompare(clinicName(b.clinicId)));
      const clinicLabels = clinicsThisMonth.map((r) => clinicName(r.clinicId));
      draw('reach-chart', { type: 'bar', data: { labels: clinicLabels, datasets: ['scheduled', 'completed'].map((name) => ({
        metric: name, label: titleOf(name), data: clinicsThisMonth.map((r) => valueOf(r, name)),
        suppressed: clinicsThisMonth.filter((r) => isSuppressed(r, name)).map((r) => clinicName(r.clinicId)) })) } });
      $('reach-more').replaceChildren(
        splitTable('By visit type', 'Visit type', byType.rows, (r) => TYPE_NAMES[r.visitType] || r.visitType, (r) => r.visitType, BY_TYPE),
        splitTable('By clinic', 'Clinic', clinicsThisMonth, (r) => clinicName(r.clinicId), (r) => r.clinicId, BY_CLINIC),
      );
      const providers = [...byProvider.rows].sort((a, b) => (a.providerName || '').localeCompare(b.providerName || ''));
      $('providers-more').replaceChildren(
        splitTable('Visits by provider', 'Provider', providers, (r) => r.providerName || 'Provider ' + r.providerId.slice(0, 8), (r) => r.providerId, BY_PROVIDER));

      const anyWithheld = [trend, byClinic, byType, byProvider].some((page) => page.rows.some((r) => r.suppressed && r.suppressed.length > 0));
      $('status').textContent = 'Figures of projection version ' + trend.version + '.' +
        (anyWithheld ? ' Some figures are withheld: fewer than ' + MIN_CELL + ' visits or survey responses could identify someone.' : '');
      $('report').hidden = false;
      document.body.dataset.ready = 'true';
    } catch (error) {
      $('status').textContent = error.message;
    }
  }

  onTokenSaved(() => void load());
  void load();
})();
`;
