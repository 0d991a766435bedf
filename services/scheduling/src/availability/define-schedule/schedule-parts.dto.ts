import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { VISIT_TYPES, type VisitType, WEEKDAYS, type Weekday } from '../domain/schedule-rules';
import { YYYY_MM_DD } from '../date-formats';

export const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const TIME_MESSAGE = '$property must be a wall-clock time HH:mm';

export class SlotMinutesDto {
  @ApiProperty({ minimum: 5, maximum: 240, example: 30 })
  @IsInt()
  @Min(5)
  @Max(240)
  video!: number;

  @ApiProperty({ minimum: 5, maximum: 240, example: 20 })
  @IsInt()
  @Min(5)
  @Max(240)
  audio!: number;
}

export class BufferMinutesDto {
  @ApiProperty({ minimum: 0, maximum: 120, example: 0 })
  @IsInt()
  @Min(0)
  @Max(120)
  before!: number;

  @ApiProperty({ minimum: 0, maximum: 120, example: 10 })
  @IsInt()
  @Min(0)
  @Max(120)
  after!: number;
}

export class WeeklyRuleDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'MO' })
  @IsIn(WEEKDAYS)
  weekday!: Weekday;

  @ApiProperty({ example: '09:00', description: "Wall-clock time in the schedule's zone." })
  @IsString()
  @Matches(HH_MM, { message: TIME_MESSAGE })
  start!: string;

  @ApiProperty({ example: '12:00' })
  @IsString()
  @Matches(HH_MM, { message: TIME_MESSAGE })
  end!: string;

  @ApiProperty({ enum: VISIT_TYPES, isArray: true, example: ['video', 'audio'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(VISIT_TYPES, { each: true })
  visitTypes!: VisitType[];
}

/** One exception; which fields it needs depends on `kind` (checked again in the domain). */
export class ScheduleExceptionDto {
  @ApiProperty({
    enum: ['closed', 'away', 'hours'],
    description:
      'closed: all day; away: part of the day; hours: these hours replace the weekly ones',
  })
  @IsIn(['closed', 'away', 'hours'])
  kind!: 'closed' | 'away' | 'hours';

  @ApiProperty({ example: '2026-05-25', description: "A date in the schedule's zone." })
  @IsString()
  @Matches(YYYY_MM_DD, { message: '$property must be a date yyyy-mm-dd' })
  date!: string;

  @ApiPropertyOptional({ example: '10:00', description: 'away and hours only' })
  @ValidateIf(
    (exception: ScheduleExceptionDto) =>
      exception.kind !== 'closed' || exception.start !== undefined,
  )
  @IsString()
  @Matches(HH_MM, { message: TIME_MESSAGE })
  start?: string;

  @ApiPropertyOptional({ example: '11:00', description: 'away and hours only' })
  @ValidateIf(
    (exception: ScheduleExceptionDto) => exception.kind !== 'closed' || exception.end !== undefined,
  )
  @IsString()
  @Matches(HH_MM, { message: TIME_MESSAGE })
  end?: string;

  @ApiPropertyOptional({ enum: VISIT_TYPES, isArray: true, description: 'hours only' })
  @ValidateIf(
    (exception: ScheduleExceptionDto) =>
      exception.kind === 'hours' || exception.visitTypes !== undefined,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(VISIT_TYPES, { each: true })
  visitTypes?: VisitType[];
}
