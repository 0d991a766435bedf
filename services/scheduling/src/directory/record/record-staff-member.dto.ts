import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import type { StaffFunction } from '../domain/directory-records';
import { HumanNameDto, LANGUAGE_TAG, present, StateLicenceDto } from './directory-fields.dto';

export const STAFF_FUNCTIONS = [
  'provider',
  'interpreter',
  'coordinator',
  'trainer',
  'auditor',
  'analyst',
  'admin',
] as const satisfies readonly StaffFunction[];

/** The whole staff member record; the id is the path's (the subject of their token). */
export class RecordStaffMemberDto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.organizationId })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ type: HumanNameDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HumanNameDto)
  name!: HumanNameDto;

  @ApiProperty({ enum: STAFF_FUNCTIONS, isArray: true, example: ['provider'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_FUNCTIONS, { each: true })
  functions!: StaffFunction[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Clinics of the same organization.' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  clinicIds!: string[];

  @ApiProperty({ type: [String], example: ['en', 'es'], description: 'BCP 47 language tags.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(LANGUAGE_TAG, { each: true, message: '$property must hold BCP 47 tags such as es' })
  languages!: string[];

  @ApiProperty({ type: [StateLicenceDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => StateLicenceDto)
  licences!: StateLicenceDto[];

  @ApiPropertyOptional({ example: '1234567893', description: 'National Provider Identifier.' })
  @ValidateIf(present)
  @IsString()
  @Matches(/^[0-9]{10}$/, { message: '$property must be 10 digits' })
  npi?: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  active!: boolean;
}

export const RECORD_STAFF_MEMBER_EXAMPLE = {
  organizationId: EXAMPLE_ID.organizationId,
  name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
  functions: ['provider'],
  clinicIds: [EXAMPLE_ID.clinicId],
  languages: ['en', 'ig'],
  licences: [
    { state: 'NY', number: '298877', expiresOn: '2027-06-30' },
    { state: 'NJ', number: '25MA09876500', expiresOn: '2026-12-31' },
  ],
  npi: '1234567893',
  active: true,
} satisfies RecordStaffMemberDto;
