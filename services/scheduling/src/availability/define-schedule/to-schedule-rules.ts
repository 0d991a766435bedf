import { InvalidInputException, InvalidParam } from '@thc/service-runtime';
import { isKnownZone, localDateOf } from '../domain/wall-clock';
import type { ScheduleException, ScheduleRules } from '../domain/schedule-rules';
import type { ScheduleExceptionDto } from './schedule-parts.dto';
import type { PutProviderScheduleDto } from './put-provider-schedule.dto';

function toException(
  dto: ScheduleExceptionDto,
  i: number,
  refused: InvalidParam[],
): ScheduleException {
  const name = `exceptions[${i}]`;
  const notFor = (field: string) =>
    refused.push({
      name: `${name}.${field}`,
      reason: `is not allowed for a ${dto.kind} exception`,
    });
  if (dto.kind === 'closed') {
    if (dto.start !== undefined) notFor('start');
    if (dto.end !== undefined) notFor('end');
    if (dto.visitTypes !== undefined) notFor('visitTypes');
    return { kind: 'closed', date: dto.date };
  }
  // The DTO's own checks made start and end present for these kinds.
  const hours = { date: dto.date, start: dto.start ?? '', end: dto.end ?? '' };
  if (dto.kind === 'away') {
    if (dto.visitTypes !== undefined) notFor('visitTypes');
    return { kind: 'away', ...hours };
  }
  return { kind: 'hours', ...hours, visitTypes: dto.visitTypes ?? [] };
}

/**
 * The request body as domain rules: fields in the contract's shape, optional ones left out
 * rather than undefined (so an unchanged schedule compares equal), `effectiveFrom` defaulting
 * to today on the provider's calendar.
 */
export function toScheduleRules(dto: PutProviderScheduleDto, now: Date): ScheduleRules {
  const refused: InvalidParam[] = [];
  const exceptions = dto.exceptions.map((exception, i) => toException(exception, i, refused));
  if (refused.length > 0) throw new InvalidInputException(refused);
  const today = isKnownZone(dto.timeZone) ? localDateOf(now.getTime(), dto.timeZone) : '';
  return {
    clinicId: dto.clinicId,
    ...(dto.departmentId === undefined ? {} : { departmentId: dto.departmentId }),
    timeZone: dto.timeZone,
    slotMinutes: { video: dto.slotMinutes.video, audio: dto.slotMinutes.audio },
    bufferMinutes: { before: dto.bufferMinutes.before, after: dto.bufferMinutes.after },
    minimumNoticeMinutes: dto.minimumNoticeMinutes,
    bookingHorizonDays: dto.bookingHorizonDays,
    ...(dto.dailyMaxVisits === undefined ? {} : { dailyMaxVisits: dto.dailyMaxVisits }),
    weeklyRules: dto.weeklyRules.map(({ weekday, start, end, visitTypes }) => ({
      weekday,
      start,
      end,
      visitTypes: [...visitTypes],
    })),
    exceptions,
    effectiveFrom: dto.effectiveFrom ?? today,
  };
}
