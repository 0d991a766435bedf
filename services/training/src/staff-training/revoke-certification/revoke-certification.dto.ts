import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class RevokeCertificationDto {
  @ApiProperty({ enum: ['evidence-invalid', 'policy-breach', 'administrative'] })
  @IsIn(['evidence-invalid', 'policy-breach', 'administrative'])
  reason!: 'evidence-invalid' | 'policy-breach' | 'administrative';
}

/** The example request of the API documentation. */
export const REVOKE_CERTIFICATION_EXAMPLE = {
  reason: 'evidence-invalid',
} satisfies RevokeCertificationDto;
