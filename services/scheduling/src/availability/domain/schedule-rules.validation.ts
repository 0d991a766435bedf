import { DateTime } from 'luxon';
import type { ScheduleRules, VisitType } from './schedule-rules';
import { isKnownZone } from './wall-clock';

/** One broken rule, named by its path in the request body (`weeklyRules[2].end`). */
export interface RuleViolation {
  readonly field: string;
  readonly reason: string;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const isDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

function integerIn(field: string, value: number, min: number, max: number): RuleViolation[] {
  return Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ field, reason: `must be a whole number from ${min} to ${max}` }];
}

interface Span {
  readonly field: string;
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/** End after start, both HH:mm; then no two spans of the same group may overlap. */
function checkSpans(spans: readonly Span[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const sound: Span[] = [];
  for (const span of spans) {
    const bad = (['start', 'end'] as const).filter((edge) => !TIME.test(span[edge]));
    bad.forEach((edge) =>
      violations.push({ field: `${span.field}.${edge}`, reason: 'must be a time HH:mm' }),
    );
    if (bad.length > 0) continue;
    if (span.end <= span.start) {
      violations.push({ field: `${span.field}.end`, reason: `must be after start ${span.start}` });
      continue;
    }
    const other = sound.find(
      (seen) => seen.label === span.label && seen.start < span.end && span.start < seen.end,
    );
    if (other) {
      violations.push({
        field: span.field,
        reason: `overlaps ${other.field} (${other.label} ${other.start}-${other.end})`,
      });
      continue;
    }
    sound.push(span);
  }
  return violations;
}

function checkVisitTypes(field: string, visitTypes: readonly VisitType[]): RuleViolation[] {
  return visitTypes.length === 0 || new Set(visitTypes).size !== visitTypes.length
    ? [{ field, reason: 'must list video and/or audio, each once' }]
    : [];
}

function checkExceptions(rules: ScheduleRules): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const closed = new Set<string>();
  rules.exceptions.forEach((exception, i) => {
    const field = `exceptions[${i}]`;
    if (!isDate(exception.date))
      violations.push({ field: `${field}.date`, reason: 'must be a date yyyy-mm-dd' });
    if (exception.kind === 'closed') closed.add(exception.date);
    if (exception.kind === 'hours')
      violations.push(...checkVisitTypes(`${field}.visitTypes`, exception.visitTypes));
  });
  rules.exceptions.forEach((exception, i) => {
    if (exception.kind !== 'closed' && closed.has(exception.date))
      violations.push({
        field: `exceptions[${i}]`,
        reason: `${exception.date} is also closed all day`,
      });
  });
  const spans = rules.exceptions.flatMap((exception, i) =>
    exception.kind === 'closed'
      ? []
      : [
          {
            field: `exceptions[${i}]`,
            label: `${exception.date} ${exception.kind}`,
            start: exception.start,
            end: exception.end,
          },
        ],
  );
  return [...violations, ...checkSpans(spans)];
}

/**
 * The semantic checks a schema cannot make: a real IANA zone, windows that end after they
 * start and do not overlap, slot lengths a window can hold. Every violation names its field.
 */
export function validateScheduleRules(rules: ScheduleRules): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!isKnownZone(rules.timeZone))
    violations.push({ field: 'timeZone', reason: `${rules.timeZone} is not an IANA time zone` });
  violations.push(
    ...integerIn('slotMinutes.video', rules.slotMinutes.video, 5, 240),
    ...integerIn('slotMinutes.audio', rules.slotMinutes.audio, 5, 240),
    ...integerIn('bufferMinutes.before', rules.bufferMinutes.before, 0, 120),
    ...integerIn('bufferMinutes.after', rules.bufferMinutes.after, 0, 120),
    ...integerIn('minimumNoticeMinutes', rules.minimumNoticeMinutes, 0, 43_200),
    ...integerIn('bookingHorizonDays', rules.bookingHorizonDays, 1, 730),
    ...(rules.dailyMaxVisits === undefined
      ? []
      : integerIn('dailyMaxVisits', rules.dailyMaxVisits, 1, 200)),
  );
  if (!isDate(rules.effectiveFrom))
    violations.push({ field: 'effectiveFrom', reason: 'must be a date yyyy-mm-dd' });
  rules.weeklyRules.forEach((rule, i) =>
    violations.push(...checkVisitTypes(`weeklyRules[${i}].visitTypes`, rule.visitTypes)),
  );
  violations.push(
    ...checkSpans(
      rules.weeklyRules.map((rule, i) => ({
        field: `weeklyRules[${i}]`,
        label: rule.weekday,
        start: rule.start,
        end: rule.end,
      })),
    ),
  );
  violations.push(...checkSlotsFit(rules), ...checkExceptions(rules));
  return violations;
}

/** A window too short for even one visit of a type it admits is a typo, not a schedule. */
function checkSlotsFit(rules: ScheduleRules): RuleViolation[] {
  const { before, after } = rules.bufferMinutes;
  return rules.weeklyRules.flatMap((rule, i) => {
    if (!TIME.test(rule.start) || !TIME.test(rule.end) || rule.end <= rule.start) return [];
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    const length = minutes(rule.end) - minutes(rule.start);
    return rule.visitTypes
      .filter((type) => before + rules.slotMinutes[type] + after > length)
      .map((type) => ({
        field: `weeklyRules[${i}]`,
        reason: `${rule.start}-${rule.end} cannot hold one ${type} visit (${rules.slotMinutes[type]} min plus buffers)`,
      }));
  });
}
