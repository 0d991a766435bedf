import { PLATFORM_SERVICES } from '@thc/testing';
import { KafkaRoundTrip } from './kafka-round-trip.bench';
import { StepResult } from './load-step';
import { percentile } from './percentile';
import { PlatformLag } from './platform-lag';
import { ProcessUsage } from './usage-meter';

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)} ms`);
const s = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${(value / 1000).toFixed(2)} s`;
const ratio = (value: number | undefined, floor: number | undefined) =>
  value === undefined || floor === undefined || floor <= 0
    ? 'n/a'
    : `x${(value / floor).toFixed(0)}`;

export function floorLine(floor: KafkaRoundTrip): string {
  return (
    `raw Kafka round trip (kafkajs produce -> consume, ${floor.messages} messages at ${floor.perSecond}/s, ` +
    `same broker): p50 ${(percentile(floor.ms, 0.5) ?? NaN).toFixed(1)} ms, ` +
    `p99 ${(percentile(floor.ms, 0.99) ?? NaN).toFixed(1)} ms`
  );
}

/** The lines printed for one step. */
export function stepLines(step: StepResult, index: number, floor: KafkaRoundTrip): string[] {
  const bookingMs = step.requests.filter((r) => r.booking).map((r) => r.ms);
  const visitMs = step.requests.filter((r) => !r.booking).map((r) => r.ms);
  const toAnalytics = step.toAnalytics.ms;
  return [
    `step ${index + 1}: offered ${step.rate} bookings/s for ${step.seconds} s`,
    `  bookings: ${step.bookings} sent, ${step.accepted} accepted, achieved ${step.achievedPerSecond.toFixed(2)}/s; ` +
      `HTTP p50 ${ms(percentile(bookingMs, 0.5))}, p99 ${ms(percentile(bookingMs, 0.99))}` +
      (step.firstRefusal ? `; first refusal: ${step.firstRefusal.slice(0, 200)}` : ''),
    `  visits: ${step.visits.run} run, ${step.visits.failed} failed; their ${visitMs.length} HTTP calls ` +
      `p50 ${ms(percentile(visitMs, 0.5))}, p99 ${ms(percentile(visitMs, 0.99))}; ` +
      `all ${step.requests.length} calls answered within ${step.workSeconds.toFixed(1)} s ` +
      `(${(step.requests.length / step.workSeconds).toFixed(1)} requests/s)` +
      (step.visits.firstError ? `; first failure: ${step.visits.firstError.slice(0, 200)}` : ''),
    `  booking -> analytics shows it (${toAnalytics.length} measured, ${step.toAnalytics.unseen} not seen): ` +
      `p50 ${s(percentile(toAnalytics, 0.5))} (${ratio(percentile(toAnalytics, 0.5), percentile(floor.ms, 0.5))} the Kafka round trip), ` +
      `p99 ${s(percentile(toAnalytics, 0.99))} (${ratio(percentile(toAnalytics, 0.99), percentile(floor.ms, 0.99))}); ` +
      `each up to ${ms(percentile(step.toAnalytics.uncertaintyMs, 0.5))} early (p50; one poll); ` +
      `analytics poll p50 ${ms(percentile(step.polls.ms, 0.5))} over ${step.polls.ms.length} polls, ${step.polls.failed} failed`,
    `  consumer lag, messages, max during the step (at its end): ${lagLine(step.lag.max, step.lag.end)}`,
    step.catchUpSeconds === undefined
      ? `  NOT caught up within the drain time after the last answer`
      : `  caught up ${step.catchUpSeconds.toFixed(1)} s after the last answer`,
    `  CPU (% of one core) and peak RSS: ${step.usage.processes.map(usageText).join(', ')}; ` +
      `machine ${step.usage.machineBusyPercent.toFixed(0)}% busy of ${step.usage.cores} cores`,
  ];
}

/** A Markdown table of every step, for docs/performance.md. */
export function summaryLines(steps: readonly StepResult[], floor: KafkaRoundTrip): string[] {
  const floor50 = percentile(floor.ms, 0.5);
  const floor99 = percentile(floor.ms, 0.99);
  const lines = [
    '| offered/s | achieved/s | booking HTTP p50 / p99 | visit calls p50 / p99 | booking -> analytics p50 / p99 | / Kafka floor p50 / p99 | max lag (sum) | caught up | machine CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const step of steps) {
    const booking = step.requests.filter((r) => r.booking).map((r) => r.ms);
    const visit = step.requests.filter((r) => !r.booking).map((r) => r.ms);
    const e2e = step.toAnalytics.ms;
    const maxLag = [...step.lag.max.values()].reduce<number>((sum, lag) => sum + (lag ?? 0), 0);
    lines.push(
      `| ${step.rate} | ${step.achievedPerSecond.toFixed(2)} | ${ms(percentile(booking, 0.5))} / ${ms(percentile(booking, 0.99))} ` +
        `| ${ms(percentile(visit, 0.5))} / ${ms(percentile(visit, 0.99))} ` +
        `| ${s(percentile(e2e, 0.5))} / ${s(percentile(e2e, 0.99))} ` +
        `| ${ratio(percentile(e2e, 0.5), floor50)} / ${ratio(percentile(e2e, 0.99), floor99)} ` +
        `| ${maxLag} | ${step.catchUpSeconds === undefined ? 'no' : `${step.catchUpSeconds.toFixed(1)} s`} ` +
        `| ${step.usage.machineBusyPercent.toFixed(0)}% |`,
    );
  }
  const names = steps[0]?.usage.processes.map((p) => p.name) ?? [];
  lines.push('', `| offered/s | ${names.join(' | ')} |`, `| --- |${' --- |'.repeat(names.length)}`);
  for (const step of steps)
    lines.push(`| ${step.rate} | ${step.usage.processes.map(usageCell).join(' | ')} |`);
  return lines;
}

function lagLine(max: PlatformLag, end: PlatformLag): string {
  return PLATFORM_SERVICES.map(
    (service) => `${service} ${max.get(service) ?? 'n/a'} (${end.get(service) ?? 'n/a'})`,
  ).join(', ');
}

function usageText(usage: ProcessUsage): string {
  return `${usage.name} ${usageCell(usage)}`;
}

function usageCell(usage: ProcessUsage): string {
  const cpu = usage.cpuPercent === undefined ? 'n/a' : `${usage.cpuPercent.toFixed(0)}%`;
  const rss =
    usage.maxRssBytes === undefined ? 'n/a' : `${(usage.maxRssBytes / 2 ** 20).toFixed(0)} MB`;
  return `${cpu} ${rss}`;
}
