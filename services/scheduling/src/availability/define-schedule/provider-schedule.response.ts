import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { VISIT_TYPES, type VisitType, WEEKDAYS, type Weekday } from '../domain/schedule-rules';

export class VisitMinutesResponse {
  @ApiProperty({ example: 30 }) video!: number;
  @ApiProperty({ example: 20 }) audio!: number;
}

export class BufferResponse {
  @ApiProperty({ example: 0, description: 'Minutes kept free before each visit' }) before!: number;
  @ApiProperty({ example: 10, description: 'Minutes kept free after each visit' }) after!: number;
}

export class WeeklyHoursResponse {
  @ApiProperty({ enum: WEEKDAYS, example: 'MO' }) weekday!: Weekday;
  @ApiProperty({ example: '09:00', description: "Wall-clock time in the schedule's zone" })
  start!: string;
  @ApiProperty({ example: '12:00' }) end!: string;
  @ApiProperty({ enum: VISIT_TYPES, isArray: true, example: ['video', 'audio'] })
  visitTypes!: readonly VisitType[];
}

/** One date that departs from the weekly hours; `kind` says which fields it has. */
export class ScheduleExceptionResponse {
  @ApiProperty({
    enum: ['closed', 'away', 'hours'],
    description:
      'closed: all day; away: part of the day; hours: these hours replace the weekly ones',
  })
  kind!: 'closed' | 'away' | 'hours';
  @ApiProperty({ example: '2026-05-25', description: "A date in the schedule's zone" })
  date!: string;
  @ApiPropertyOptional({ example: '10:00', description: 'away and hours only' }) start?: string;
  @ApiPropertyOptional({ example: '11:00', description: 'away and hours only' }) end?: string;
  @ApiPropertyOptional({ enum: VISIT_TYPES, isArray: true, description: 'hours only' })
  visitTypes?: readonly VisitType[];
}

/** The rules of one period: the whole schedule as a PUT stated it, its first date resolved. */
export class ScheduleRulesResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.clinicId }) clinicId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) departmentId?: string;
  @ApiProperty({ example: 'America/New_York', description: "The provider's IANA time zone" })
  timeZone!: string;
  @ApiProperty({ type: VisitMinutesResponse, description: 'Length of one visit, per visit type' })
  slotMinutes!: VisitMinutesResponse;
  @ApiProperty({ type: BufferResponse }) bufferMinutes!: BufferResponse;
  @ApiProperty({ example: 120, description: 'A slot is offered only this long ahead, or more' })
  minimumNoticeMinutes!: number;
  @ApiProperty({ example: 60, description: 'A slot is offered only up to this many days ahead' })
  bookingHorizonDays!: number;
  @ApiPropertyOptional({ example: 12, description: 'Absent: no daily limit' })
  dailyMaxVisits?: number;
  @ApiProperty({ type: [WeeklyHoursResponse] }) weeklyRules!: readonly WeeklyHoursResponse[];
  @ApiProperty({ type: [ScheduleExceptionResponse] })
  exceptions!: readonly ScheduleExceptionResponse[];
  @ApiProperty({
    example: '2026-03-01',
    description: "The first date the rules apply on, in the schedule's zone",
  })
  effectiveFrom!: string;
}

/** A provider's schedule as its stream stands. */
export class ProviderScheduleResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.providerId }) providerId!: string;
  @ApiProperty({ description: 'Events in the schedule stream', example: 2 }) version!: number;
  @ApiProperty({ type: ScheduleRulesResponse, description: 'The rules the last PUT stated' })
  rules!: ScheduleRulesResponse;
  @ApiProperty({
    type: [ScheduleRulesResponse],
    description:
      'The periods, oldest first: each applies its rules from its `effectiveFrom` until the next one starts',
  })
  periods!: readonly ScheduleRulesResponse[];
}
