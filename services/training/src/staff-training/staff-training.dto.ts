import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsNumber, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { STAFF_ROLES } from '../requirements/role-requirements';
import { IsAbsentOr } from '../shared/is-absent-or';

const EVIDENCE = /^[a-z][a-z0-9+.-]*:[^\s]{1,500}$/;
const EVIDENCE_MESSAGE = 'evidenceRef must be a URI such as lms://attempts/4711';

export class EnrolStaffDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: (typeof STAFF_ROLES)[number];

  @ApiProperty({
    format: 'uuid',
    description: 'The team (usually a clinic) whose trainer follows them',
  })
  @IsUUID()
  teamId!: string;

  @ApiPropertyOptional({
    description: 'Due date of the required modules; default TRAINING_ASSIGNMENT_DUE_DAYS',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  dueAt?: string;
}

export class AssignModuleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiProperty({ example: '2026-03-01T00:00:00Z' })
  @IsZonedDateTime()
  dueAt!: string;

  @ApiProperty({ enum: ['manual', 'retraining', 'renewal'] })
  @IsIn(['manual', 'retraining', 'renewal'])
  reason!: 'manual' | 'retraining' | 'renewal';
}

export class RecordCompletionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 92 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  scorePercent!: number;

  @ApiProperty({ example: '2026-01-15T16:45:00Z' })
  @IsZonedDateTime()
  completedAt!: string;

  @ApiPropertyOptional({ example: 'lms://attempts/4711' })
  @IsAbsentOr()
  @IsString()
  @MaxLength(512)
  @Matches(EVIDENCE, { message: EVIDENCE_MESSAGE })
  evidenceRef?: string;
}

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

export class RevokeCertificationDto {
  @ApiProperty({ enum: ['evidence-invalid', 'policy-breach', 'administrative'] })
  @IsIn(['evidence-invalid', 'policy-breach', 'administrative'])
  reason!: 'evidence-invalid' | 'policy-breach' | 'administrative';
}
