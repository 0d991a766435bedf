import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../openapi/api-docs';

/** A patient under legal hold: their audit entries outlive retention until it is released. */
export class LegalHoldResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId }) patientId!: string;
  @ApiProperty({ example: '2026-03-18T09:00:00.000Z' }) placedAt!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The admin who placed it (the `sub` of their token)',
  })
  placedBy!: string;
  @ApiProperty({
    example: 'MATTER-2026-014',
    description: 'Reference of the legal matter (no PHI)',
  })
  matter!: string;
}
