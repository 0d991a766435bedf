import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { EndOutcome } from '../domain/session.commands';

export const END_OUTCOMES: readonly EndOutcome[] = [
  'completed',
  'ended-technical-failure',
  'patient-no-show',
  'provider-no-show',
];

export class EndSessionDto {
  @ApiProperty({ enum: END_OUTCOMES })
  @IsIn(END_OUTCOMES)
  outcome!: EndOutcome;
}

export class TransferProviderDto {
  @ApiProperty({ format: 'uuid', description: 'The provider who takes the visit over' })
  @IsUUID()
  providerId!: string;
}
