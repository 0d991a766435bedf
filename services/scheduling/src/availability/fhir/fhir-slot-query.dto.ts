import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, ValidateIf } from 'class-validator';
import { VISIT_TYPES, type VisitType } from '../domain/schedule-rules';
import { YYYY_MM_DD } from '../date-formats';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/** FHIR search parameters of Slot that these views support. */
export class FhirSlotQueryDto {
  @ApiProperty({
    description: 'Schedule id (the provider id) or Schedule/<id>',
    example: `Schedule/${EXAMPLE_ID.providerId}`,
  })
  @IsString()
  @Matches(/^(Schedule\/)?[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, {
    message: '$property must be a schedule id or Schedule/<id>',
  })
  schedule!: string;

  @ApiProperty({ example: '2026-03-09', description: "A date on the provider's calendar." })
  @IsString()
  @Matches(YYYY_MM_DD, { message: '$property must be a date yyyy-mm-dd' })
  start!: string;

  @ApiPropertyOptional({
    enum: VISIT_TYPES,
    description: 'Default: every visit type.',
    example: 'video',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsIn(VISIT_TYPES)
  'service-type'?: VisitType;
}
