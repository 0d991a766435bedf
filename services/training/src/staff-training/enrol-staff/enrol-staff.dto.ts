import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { STAFF_ROLES } from '../../requirements/role-requirements';

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

/** The example request of the API documentation. */
export const ENROL_STAFF_EXAMPLE = {
  role: 'provider',
  teamId: EXAMPLE_ID.teamId,
  dueAt: '2027-03-01T00:00:00Z',
} satisfies EnrolStaffDto;
