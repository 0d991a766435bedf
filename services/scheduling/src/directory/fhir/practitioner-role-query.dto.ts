import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/** FHIR search by practitioner: the id, or the reference `Practitioner/<id>`. */
export class PractitionerRoleQueryDto {
  @ApiProperty({
    example: EXAMPLE_ID.providerId,
    description: 'The staff member: `<id>` or `Practitioner/<id>`.',
  })
  @Transform(({ value }) =>
    typeof value === 'string' ? value.replace(/^Practitioner\//, '') : value,
  )
  @IsUUID()
  practitioner!: string;
}
