import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { IsAbsentOr } from '@thc/service-runtime';

export const CATEGORIES = ['audio', 'video', 'connection', 'join-link', 'device', 'other'] as const;
export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
export const BROWSERS = ['chrome', 'edge', 'firefox', 'safari', 'other'] as const;
export const CHECK_RESULTS = ['pass', 'warn', 'fail', 'skipped'] as const;
export const STEPS = [
  'reload-page',
  'rejoin',
  'grant-permissions',
  'switch-device',
  'switch-network',
  'audio-only',
  'dial-in',
  'new-join-link',
] as const;
export const ISSUE_OUTCOMES = ['fixed', 'worked-around', 'visit-rescheduled', 'not-fixed'] as const;

export class OpenIssueDto {
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) category!: (typeof CATEGORIES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsAbsentOr() @IsUUID() participantId?: string;
  @ApiPropertyOptional({ description: 'Free text (may hold PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description?: string;
  @ApiPropertyOptional({ enum: DEVICES })
  @IsAbsentOr()
  @IsIn(DEVICES)
  device?: (typeof DEVICES)[number];
  @ApiPropertyOptional({ enum: BROWSERS })
  @IsAbsentOr()
  @IsIn(BROWSERS)
  browser?: (typeof BROWSERS)[number];
}

export class AssignIssueDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() coordinatorId!: string;
}

export class ResolveIssueDto {
  @ApiProperty({ enum: ISSUE_OUTCOMES })
  @IsIn(ISSUE_OUTCOMES)
  outcome!: (typeof ISSUE_OUTCOMES)[number];
  @ApiProperty({ enum: STEPS, isArray: true, description: 'The playbook steps tried' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(STEPS, { each: true })
  steps!: (typeof STEPS)[number][];
}

class ChecksDto {
  @ApiProperty({ enum: CHECK_RESULTS })
  @IsIn(CHECK_RESULTS)
  camera!: (typeof CHECK_RESULTS)[number];
  @ApiProperty({ enum: CHECK_RESULTS })
  @IsIn(CHECK_RESULTS)
  microphone!: (typeof CHECK_RESULTS)[number];
  @ApiProperty({ enum: CHECK_RESULTS })
  @IsIn(CHECK_RESULTS)
  speaker!: (typeof CHECK_RESULTS)[number];
  @ApiProperty({ enum: CHECK_RESULTS })
  @IsIn(CHECK_RESULTS)
  network!: (typeof CHECK_RESULTS)[number];
}

class NetworkDto {
  @ApiProperty() @IsInt() @Min(0) @Max(10_000_000) downlinkKbps!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(10_000_000) uplinkKbps!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(60_000) rttMs!: number;
}

class ClientDto {
  @ApiProperty({ enum: DEVICES }) @IsIn(DEVICES) device!: (typeof DEVICES)[number];
  @ApiProperty({ enum: BROWSERS }) @IsIn(BROWSERS) browser!: (typeof BROWSERS)[number];
}

export class PreVisitCheckDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId!: string;
  @ApiProperty({ type: ChecksDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ChecksDto)
  checks!: ChecksDto;
  @ApiPropertyOptional({ type: NetworkDto })
  @IsAbsentOr()
  @IsObject()
  @ValidateNested()
  @Type(() => NetworkDto)
  network?: NetworkDto;
  @ApiProperty({ type: ClientDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ClientDto)
  client!: ClientDto;
}

export const OPEN_ISSUE_EXAMPLE = {
  category: 'audio',
  participantId: EXAMPLE_ID.patientId,
  description: 'The doctor cannot hear me, but I can hear them.',
  device: 'mobile',
  browser: 'safari',
} satisfies OpenIssueDto;

export const ASSIGN_ISSUE_EXAMPLE = {
  coordinatorId: EXAMPLE_ID.coordinatorId,
} satisfies AssignIssueDto;

export const RESOLVE_ISSUE_EXAMPLE = {
  outcome: 'fixed',
  steps: ['grant-permissions', 'rejoin'],
} satisfies ResolveIssueDto;

export const PRE_VISIT_CHECK_EXAMPLE = {
  participantId: EXAMPLE_ID.patientId,
  checks: { camera: 'pass', microphone: 'fail', speaker: 'pass', network: 'warn' },
  network: { downlinkKbps: 4200, uplinkKbps: 900, rttMs: 140 },
  client: { device: 'mobile', browser: 'safari' },
} satisfies PreVisitCheckDto;
