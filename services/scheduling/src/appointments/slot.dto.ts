import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../openapi/api-docs';
import { IsIanaTimeZone } from '../dto-validators';

/** A slot with a provider: times with their offset, the provider's zone for display. */
export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  providerId!: string;

  @ApiProperty({ example: '2026-03-09T09:00:00-04:00' })
  @IsZonedDateTime()
  start!: string;

  @ApiProperty({ example: '2026-03-09T09:30:00-04:00' })
  @IsZonedDateTime()
  end!: string;

  @ApiProperty({ example: 'America/New_York', description: "The provider's IANA time zone" })
  @IsIanaTimeZone()
  timeZone!: string;
}

/** A slot of the documentation's example provider, one Monday morning in New York. */
export const SLOT_EXAMPLE = {
  providerId: EXAMPLE_ID.providerId,
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
} satisfies SlotDto;
