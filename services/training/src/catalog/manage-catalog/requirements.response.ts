import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { CERTIFICATION_SOURCES } from '../../requirements/role-requirements';
import { MODULE_TOPICS } from './catalog.dto';

const CERTIFICATION_KINDS = Object.keys(CERTIFICATION_SOURCES);

/** One certification a role needs for its telehealth credential. */
export class CertificationRequirementResponse {
  @ApiProperty({ enum: CERTIFICATION_KINDS }) kind!: string;
  @ApiProperty({
    type: 'integer',
    example: 365,
    description:
      'A certification earned from modules is valid this long after its oldest completion',
  })
  renewalDays!: number;
}

const needs = (role: string): ApiPropertyOptions => ({
  type: [CertificationRequirementResponse],
  description: `What ${role} needs`,
});

/** The certifications each staff role needs. */
export class RoleRequirementsResponse {
  @ApiProperty(needs('a provider')) provider!: readonly CertificationRequirementResponse[];
  @ApiProperty(needs('a coordinator')) coordinator!: readonly CertificationRequirementResponse[];
  @ApiProperty(needs('a support specialist'))
  'support-specialist'!: readonly CertificationRequirementResponse[];
  @ApiProperty(needs('an interpreter')) interpreter!: readonly CertificationRequirementResponse[];
}

/** How one certification is earned. */
export class CertificationSourceResponse {
  @ApiProperty({
    enum: MODULE_TOPICS,
    isArray: true,
    description:
      'Passing every module of these topics earns it; none: it is only recorded from outside, with its issuer',
  })
  topics!: readonly string[];
}

const earned = (kind: string): ApiPropertyOptions => ({
  type: CertificationSourceResponse,
  description: `How ${kind} is earned`,
});

/** How each certification is earned. */
export class CertificationSourcesResponse {
  @ApiProperty(earned('the HIPAA certification')) hipaa!: CertificationSourceResponse;
  @ApiProperty(earned('the platform-use certification'))
  'platform-use'!: CertificationSourceResponse;
  @ApiProperty(earned('the Certified Telehealth Coordinator credential (ctc)'))
  ctc!: CertificationSourceResponse;
}

/** The training policy: what each role needs, and how each certification is earned. */
export class TrainingRequirementsResponse {
  @ApiProperty({ type: RoleRequirementsResponse }) roles!: RoleRequirementsResponse;
  @ApiProperty({ type: CertificationSourcesResponse })
  certifications!: CertificationSourcesResponse;
}
