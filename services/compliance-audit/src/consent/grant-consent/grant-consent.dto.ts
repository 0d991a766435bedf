import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

export const CONSENT_SCOPES = ['telehealth', 'recording', 'data-sharing'] as const;
export const CONSENT_METHODS = ['electronic-signature', 'verbal', 'written'] as const;
export const WITNESS_ROLES = ['provider', 'coordinator', 'admin'] as const;

export class GrantConsentDto {
  @ApiProperty({ enum: CONSENT_SCOPES })
  @IsIn(CONSENT_SCOPES)
  scope!: (typeof CONSENT_SCOPES)[number];

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method!: (typeof CONSENT_METHODS)[number];

  @ApiProperty({ example: '2026-01', description: 'Version of the consent text agreed to' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'formVersion must be 1-40 letters, digits, . _ -' })
  formVersion!: string;

  @ApiPropertyOptional({ example: '2027-03-02T13:50:00Z', description: 'Absent: does not expire' })
  @IsAbsentOr()
  @IsZonedDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff member who witnessed a verbal consent',
  })
  @IsAbsentOr()
  @IsUUID()
  witnessId?: string;

  @ApiPropertyOptional({ enum: WITNESS_ROLES })
  @IsAbsentOr()
  @IsIn(WITNESS_ROLES)
  witnessRole?: (typeof WITNESS_ROLES)[number];
}

/** The example request of the API documentation: a verbal consent, with its witness. */
export const GRANT_CONSENT_EXAMPLE = {
  scope: 'telehealth',
  method: 'verbal',
  formVersion: '2026-01',
  expiresAt: '2027-03-02T13:50:00Z',
  witnessId: EXAMPLE_ID.staffId,
  witnessRole: 'provider',
} satisfies GrantConsentDto;
