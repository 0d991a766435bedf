import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class LegalHoldDto {
  @ApiProperty({
    example: 'MATTER-2026-014',
    description: 'Reference of the legal matter (no PHI)',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,60}$/, { message: 'matter must be 1-60 letters, digits, . _ -' })
  matter!: string;
}

/** The example request of the API documentation. */
export const LEGAL_HOLD_EXAMPLE = { matter: 'MATTER-2026-014' } satisfies LegalHoldDto;
