import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BufferMinutesDto,
  ScheduleExceptionDto,
  SlotMinutesDto,
  WeeklyRuleDto,
} from './schedule-parts.dto';
import { YYYY_MM_DD } from '../date-formats';
import { EXAMPLE_ID } from '../../openapi/api-docs';

// Optional fields refuse null as well: `IsOptional` would let an explicit null through.
const present = (_: object, value: unknown) => value !== undefined;

/** The whole schedule; a PUT replaces the rules from `effectiveFrom` on. */
export class PutProviderScheduleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(present)
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ example: 'America/New_York', description: "The provider's IANA time zone." })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: SlotMinutesDto, description: 'Length of one visit, per visit type.' })
  @IsObject()
  @ValidateNested()
  @Type(() => SlotMinutesDto)
  slotMinutes!: SlotMinutesDto;

  @ApiProperty({ type: BufferMinutesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BufferMinutesDto)
  bufferMinutes!: BufferMinutesDto;

  @ApiProperty({ minimum: 0, maximum: 43_200, example: 120 })
  @IsInt()
  @Min(0)
  @Max(43_200)
  minimumNoticeMinutes!: number;

  @ApiProperty({ minimum: 1, maximum: 730, example: 60 })
  @IsInt()
  @Min(1)
  @Max(730)
  bookingHorizonDays!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, description: 'Absent: no daily limit.' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(200)
  dailyMaxVisits?: number;

  @ApiProperty({ type: [WeeklyRuleDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleDto)
  weeklyRules!: WeeklyRuleDto[];

  @ApiProperty({ type: [ScheduleExceptionDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ScheduleExceptionDto)
  exceptions!: ScheduleExceptionDto[];

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: "Default: today in the provider's zone.",
  })
  @ValidateIf(present)
  @IsString()
  @Matches(YYYY_MM_DD, { message: '$property must be a date yyyy-mm-dd' })
  effectiveFrom?: string;
}

/** Weekday mornings and Thursday afternoons; closed on Memorial Day, away one morning. */
export const PUT_PROVIDER_SCHEDULE_EXAMPLE = {
  clinicId: EXAMPLE_ID.clinicId,
  timeZone: 'America/New_York',
  slotMinutes: { video: 30, audio: 20 },
  bufferMinutes: { before: 0, after: 10 },
  minimumNoticeMinutes: 120,
  bookingHorizonDays: 60,
  dailyMaxVisits: 12,
  weeklyRules: [
    ...(['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((weekday) => ({
      weekday,
      start: '09:00',
      end: '12:00',
      visitTypes: ['video' as const, 'audio' as const],
    })),
    { weekday: 'TH', start: '14:00', end: '17:00', visitTypes: ['video'] },
  ],
  exceptions: [
    { kind: 'closed', date: '2026-05-25' },
    { kind: 'away', date: '2026-03-12', start: '10:00', end: '11:00' },
  ],
  effectiveFrom: '2026-03-01',
} satisfies PutProviderScheduleDto;
