import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalInteger } from '@thc/service-runtime';

export class ListQuarantinedQueryDto {
  @OptionalInteger({
    description: 'How many entries, the most recent first',
    default: 100,
    minimum: 1,
    maximum: 500,
    example: 100,
  })
  limit?: number;
}

class QuarantinedEventView {
  @ApiProperty({ example: '1f6c2a9e-4b7d-4e3a-9c5f-8a2d6b4e1c03' }) eventId!: string;
  @ApiProperty({ example: 'thc.scheduling.AppointmentSnoozed.v1' }) type!: string;
  @ApiProperty({ example: '/thc/scheduling' }) source!: string;
  @ApiProperty({ enum: ['unknown-type'] }) reason!: string;
  @ApiPropertyOptional({ example: 'thc.scheduling.v1' }) topic?: string;
  @ApiPropertyOptional({ example: 2 }) partition?: number;
  @ApiPropertyOptional({ example: '48213' }) offset?: string;
  @ApiProperty({ example: '2026-03-02T14:12:05.120Z' }) quarantinedAt!: string;
}

export class QuarantinedEventsView {
  @ApiProperty({ type: [QuarantinedEventView] }) items!: QuarantinedEventView[];
}
