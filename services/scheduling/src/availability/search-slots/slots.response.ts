import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { VISIT_TYPES, type VisitType } from '../domain/schedule-rules';

/** A free slot: the instant in UTC, and as wall time in the zone asked for. */
export class FreeSlotResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.providerId }) providerId!: string;
  @ApiProperty({ enum: VISIT_TYPES, example: 'video' }) visitType!: string;
  @ApiProperty({ example: '2026-03-09T13:00:00.000Z' }) start!: string;
  @ApiProperty({ example: '2026-03-09T13:30:00.000Z' }) end!: string;
  @ApiProperty({ example: '2026-03-09T09:00:00-04:00', description: 'start in `timeZone`' })
  localStart!: string;
  @ApiProperty({ example: '2026-03-09T09:30:00-04:00', description: 'end in `timeZone`' })
  localEnd!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
}

/** The range a search covered, as it understood the query (defaults filled in). */
export class SlotSearchResponse {
  @ApiProperty({ example: '2026-03-09T04:00:00.000Z', description: 'From, in UTC' }) from!: string;
  @ApiProperty({ example: '2026-03-16T04:00:00.000Z', description: 'To, in UTC' }) to!: string;
  @ApiProperty({
    example: 'America/New_York',
    description: 'The zone the slots are shown in (default UTC)',
  })
  timeZone!: string;
  @ApiProperty({ enum: VISIT_TYPES, example: 'video' }) visitType!: VisitType;
}

export class ProviderSlotsResponse extends SlotSearchResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.providerId }) providerId!: string;
  @ApiProperty({ type: [FreeSlotResponse], description: 'Earliest first' })
  slots!: readonly FreeSlotResponse[];
}

export class ClinicSlotsResponse extends SlotSearchResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.clinicId }) clinicId!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The providers whose schedule is in the clinic',
  })
  providerIds!: readonly string[];
  @ApiProperty({ type: [FreeSlotResponse], description: 'Of every provider, earliest first' })
  slots!: readonly FreeSlotResponse[];
}
