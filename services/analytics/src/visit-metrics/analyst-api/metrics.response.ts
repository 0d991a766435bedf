import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MetricsRow {
  @ApiProperty({
    example: '2026-03-09',
    description: 'Day, ISO week (2026-W11) or month (2026-03).',
  })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  clinicId?: string;

  @ApiPropertyOptional({
    description:
      'The clinic’s name in the directory, or `Clinic ` and the first 8 characters of its id while the directory does not list it.',
    example: 'Harbor Telehealth Clinic',
  })
  clinicName?: string;

  @ApiPropertyOptional({
    description: 'Whether the directory lists the clinic (false: its name is made from its id).',
    example: true,
  })
  clinicListed?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  providerId?: string;

  @ApiPropertyOptional({
    description:
      'The provider’s name in the directory (prefix, given and family names), or `Provider ` and the first 8 characters of their id while the directory does not list them.',
    example: 'Dr. Adaeze Okafor',
  })
  providerName?: string;

  @ApiPropertyOptional({
    description: 'Whether the directory lists the provider (false: the name is made from the id).',
    example: true,
  })
  providerListed?: boolean;

  @ApiPropertyOptional({ enum: ['video', 'audio'] })
  visitType?: string;

  @ApiProperty({
    description: 'Metric name -> value; null where the denominator is zero.',
    example: { scheduled: 42, noShowRate: 0.05 },
    additionalProperties: { type: 'number', nullable: true },
  })
  values!: Record<string, number | null>;

  @ApiPropertyOptional({
    description:
      'Metrics withheld because too few visits or survey responses make them up (fewer than ANALYTICS_MIN_CELL_COUNT, default 11, and more than none): their values are null.',
    example: ['satisfactionMean', 'nps'],
    type: [String],
  })
  suppressed?: readonly string[];
}

/** A page of the metrics table. Aggregates only: no patient identifiers. */
export class MetricsPage {
  @ApiProperty({ description: 'Projection version that answered.' })
  version!: string;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'Rows in the whole table.' })
  total!: number;

  @ApiProperty({ type: [MetricsRow] })
  rows!: MetricsRow[];
}
