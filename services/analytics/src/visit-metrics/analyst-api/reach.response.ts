import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_FAILURE_REASONS } from '@thc/contracts';

export class ReachRowDto {
  @ApiProperty({ example: '2026-03', description: 'Calendar month (UTC) of the first outcome.' })
  period!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description:
      'Split by clinic: the clinic of the visit the messages are about; null for messages about no visit analytics knows (shown only to analysts of every clinic).',
  })
  clinicId?: string | null;

  @ApiPropertyOptional({
    description: 'The clinic’s name in the directory (or `Clinic ` and the start of its id).',
    example: 'Harbor Telehealth Clinic',
  })
  clinicName?: string;

  @ApiPropertyOptional({ description: 'Whether the directory lists the clinic.', example: true })
  clinicListed?: boolean;

  @ApiPropertyOptional({
    enum: [
      'reminder',
      'booking-confirmation',
      'booking-changed',
      'booking-cancelled',
      'join-link',
      'waitlist-offer',
      'provider-running-late',
      'survey-invitation',
    ],
  })
  kind?: string;

  @ApiPropertyOptional({ enum: ['email', 'sms'] })
  channel?: string;

  @ApiProperty({
    description:
      'messages, reached, reachRate, bounced, failed (see `GET /api/v1/analytics/reach/definitions`); null when withheld, or a rate without messages.',
    example: { messages: 120, reached: 104, reachRate: 0.8667, bounced: 3, failed: 14 },
    additionalProperties: { type: 'number', nullable: true },
  })
  values!: Record<string, number | null>;

  @ApiProperty({
    nullable: true,
    description:
      'Failures by reason (codes, never the server’s answer), once per failed channel; null when withheld.',
    example: Object.fromEntries(NOTIFICATION_FAILURE_REASONS.map((r) => [r, 0])),
    additionalProperties: { type: 'integer' },
  })
  failures!: Record<string, number> | null;

  @ApiPropertyOptional({
    description:
      'Withheld because fewer than ANALYTICS_MIN_CELL_COUNT (default 11) messages (channel outcomes, split by channel), and more than none, make up the row: every figure and the failures.',
    type: [String],
    example: ['messages', 'reached', 'reachRate', 'bounced', 'failed', 'failures'],
  })
  suppressed?: readonly string[];
}

/** The reach table. Aggregates only: no patient, recipient or address. */
export class ReachPage {
  @ApiProperty({ description: 'Projection version that answered.' })
  version!: string;

  @ApiProperty({ type: [ReachRowDto] })
  rows!: ReachRowDto[];
}
