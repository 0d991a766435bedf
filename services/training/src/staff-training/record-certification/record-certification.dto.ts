import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { EVIDENCE, EVIDENCE_MESSAGE } from '../evidence-ref';

export class RecordCertificationDto {
  @ApiProperty({ enum: ['hipaa', 'platform-use', 'ctc'] })
  @IsIn(['hipaa', 'platform-use', 'ctc'])
  kind!: 'hipaa' | 'platform-use' | 'ctc';

  @ApiProperty({ example: 'Telehealth Certification Institute' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 .,&()/-]{1,119}$/, {
    message: 'issuer must be 2-120 letters, digits, spaces or simple punctuation',
  })
  issuer!: string;

  @ApiProperty({ example: '2025-11-01T00:00:00Z' })
  @IsZonedDateTime()
  issuedAt!: string;

  @ApiProperty({ example: '2027-11-01T00:00:00Z' })
  @IsZonedDateTime()
  expiresAt!: string;

  @ApiProperty({ example: 'https://certificates.example.org/ctc/88231' })
  @IsString()
  @MaxLength(512)
  @Matches(EVIDENCE, { message: EVIDENCE_MESSAGE })
  evidenceRef!: string;
}

/** The example request of the API documentation. */
export const RECORD_CERTIFICATION_EXAMPLE = {
  kind: 'ctc',
  issuer: 'Telehealth Certification Institute',
  issuedAt: '2025-11-01T00:00:00Z',
  expiresAt: '2027-11-01T00:00:00Z',
  evidenceRef: 'https://certificates.example.org/ctc/88231',
} satisfies RecordCertificationDto;
