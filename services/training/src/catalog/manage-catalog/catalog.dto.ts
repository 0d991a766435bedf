import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/** The topics a module may teach: certifications are earned by topic. */
export const MODULE_TOPICS = [
  'platform-use',
  'hipaa',
  'telehealth-etiquette',
  'troubleshooting',
  'emergency-protocol',
] as const;
const TITLE = /^[\p{L}\p{N} .,:;'()&/-]+$/u;

export class CreateModuleDto {
  @ApiProperty({ example: 'HIPAA-PRIVACY-SECURITY', description: 'Stable across versions' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9-]{1,31}$/, {
    message: 'moduleCode must be 2-32 capitals, digits or dashes',
  })
  moduleCode!: string;

  @ApiProperty({ enum: MODULE_TOPICS })
  @IsIn(MODULE_TOPICS)
  topic!: (typeof MODULE_TOPICS)[number];

  @ApiProperty({ example: 'HIPAA privacy and security for virtual visits' })
  @IsString()
  @Length(3, 120)
  @Matches(TITLE, { message: 'title may hold letters, digits, spaces and simple punctuation' })
  title!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 80 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  passMarkPercent!: number;

  @ApiProperty({ minimum: 1, maximum: 10, example: 3 })
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts!: number;
}

/** The next version: what is absent is carried over from the current one. */
export class PublishModuleVersionDto {
  @ApiPropertyOptional()
  @IsAbsentOr()
  @IsString()
  @Length(3, 120)
  @Matches(TITLE, { message: 'title may hold letters, digits, spaces and simple punctuation' })
  title?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsAbsentOr()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  passMarkPercent?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts?: number;

  @ApiProperty({ description: 'Staff who passed an earlier version must take this one again.' })
  @IsBoolean()
  requiresRetraining!: boolean;
}

/** The example request of the API documentation. */
export const CREATE_MODULE_EXAMPLE = {
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  topic: 'hipaa',
  title: 'HIPAA privacy and security for virtual visits',
  passMarkPercent: 80,
  maxAttempts: 3,
} satisfies CreateModuleDto;

/** The example request of the API documentation: a stricter pass mark everyone must retake. */
export const PUBLISH_MODULE_VERSION_EXAMPLE = {
  passMarkPercent: 85,
  requiresRetraining: true,
} satisfies PublishModuleVersionDto;
