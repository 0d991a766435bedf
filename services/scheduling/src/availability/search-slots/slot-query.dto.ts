import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { VISIT_TYPES, type VisitType } from '../domain/schedule-rules';

export class SlotQueryDto {
  @ApiProperty({ example: '2026-03-09T00:00:00-04:00', description: 'Slots starting at or after.' })
  @IsZonedDateTime()
  from!: string;

  @ApiProperty({
    example: '2026-03-16T00:00:00-04:00',
    description: 'Slots starting before; at most 31 days after from.',
  })
  @IsZonedDateTime()
  to!: string;

  @ApiPropertyOptional({
    example: 'Europe/London',
    description: 'IANA zone to render slots in; default UTC.',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ enum: VISIT_TYPES, default: 'video', example: 'audio' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsIn(VISIT_TYPES)
  visitType?: VisitType;
}
