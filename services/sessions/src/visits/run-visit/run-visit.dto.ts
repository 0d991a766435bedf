import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
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

export const END_SESSION_EXAMPLE = { outcome: 'completed' } satisfies EndSessionDto;

export const TRANSFER_PROVIDER_EXAMPLE = {
  providerId: EXAMPLE_ID.otherProviderId,
} satisfies TransferProviderDto;
