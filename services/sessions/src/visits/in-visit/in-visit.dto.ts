import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

export class LeaveDto {
  @ApiProperty({ enum: ['left', 'disconnected'], description: 'disconnected is a drop' })
  @IsIn(['left', 'disconnected'])
  reason!: 'left' | 'disconnected';
}

export class QualitySampleDto {
  @ApiProperty({ minimum: 0, maximum: 60000 }) @IsInt() @Min(0) @Max(60_000) rttMs!: number;
  @ApiProperty({ minimum: 0, maximum: 10000 }) @IsInt() @Min(0) @Max(10_000) jitterMs!: number;
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  packetLossPercent!: number;
  @ApiProperty({ minimum: 0, maximum: 100000 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  bitrateKbps!: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'As reported by the media client' })
  @IsAbsentOr()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(5)
  mos?: number;
}

export class AudioOnlyDto {
  @ApiProperty({ enum: ['poor-connection', 'device-failure', 'participant-choice'] })
  @IsIn(['poor-connection', 'device-failure', 'participant-choice'])
  trigger!: 'poor-connection' | 'device-failure' | 'participant-choice';
}

export const LEAVE_EXAMPLE = { reason: 'disconnected' } satisfies LeaveDto;

export const QUALITY_SAMPLE_EXAMPLE = {
  rttMs: 180,
  jitterMs: 25,
  packetLossPercent: 1.5,
  bitrateKbps: 1200,
  mos: 3.9,
} satisfies QualitySampleDto;

export const AUDIO_ONLY_EXAMPLE = { trigger: 'poor-connection' } satisfies AudioOnlyDto;

const AUDIO_ONLY_TRIGGERS = ['poor-connection', 'device-failure', 'participant-choice'] as const;

/** The link holder's fall back to audio only: why is optional (their own choice by default). */
export class VisitAudioOnlyDto {
  @ApiPropertyOptional({ enum: AUDIO_ONLY_TRIGGERS, default: 'participant-choice' })
  @IsAbsentOr()
  @IsIn(AUDIO_ONLY_TRIGGERS)
  trigger?: (typeof AUDIO_ONLY_TRIGGERS)[number];
}

export const VISIT_AUDIO_ONLY_EXAMPLE = { trigger: 'poor-connection' } satisfies VisitAudioOnlyDto;
