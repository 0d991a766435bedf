import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import type { StaffFunction } from '../domain/directory-records';
import { STAFF_FUNCTION_CODES } from '../fhir-directory.codes';

const VERSION = { description: 'Events in the record stream', example: 1 } as const;

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.organizationId }) organizationId!: string;
  @ApiProperty({ example: 'Hudson Valley Health' }) name!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The health system it is a member of' })
  partOf?: string;
  @ApiProperty({ description: 'False once it no longer takes part' }) active!: boolean;
  @ApiProperty(VERSION) version!: number;
}

export class PostalAddressResponse {
  @ApiProperty({ type: [String], example: ['45 Reade Place'] }) lines!: readonly string[];
  @ApiProperty({ example: 'Poughkeepsie' }) city!: string;
  @ApiProperty({ example: 'NY', description: 'USPS state or territory code' }) state!: string;
  @ApiProperty({ example: '12601' }) postalCode!: string;
}

export class ClinicResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.clinicId }) clinicId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.organizationId }) organizationId!: string;
  @ApiProperty({ example: 'Hudson Valley Telehealth — Poughkeepsie' }) name!: string;
  @ApiProperty({ example: 'America/New_York', description: "The clinic's IANA time zone" })
  timeZone!: string;
  @ApiProperty({
    type: PostalAddressResponse,
    description: 'Its state is where visits there are licensed',
  })
  address!: PostalAddressResponse;
  @ApiProperty() active!: boolean;
  @ApiProperty(VERSION) version!: number;
}

export class HumanNameResponse {
  @ApiProperty({ example: 'Okafor' }) family!: string;
  @ApiProperty({ type: [String], example: ['Adaeze'] }) given!: readonly string[];
  @ApiPropertyOptional({ type: [String], example: ['Dr.'] }) prefix?: readonly string[];
  @ApiPropertyOptional({ type: [String], example: ['MD'] }) suffix?: readonly string[];
}

export class StateLicenceResponse {
  @ApiProperty({ example: 'NY', description: 'USPS code of the state that issued it' })
  state!: string;
  @ApiProperty({ example: '298877' }) number!: string;
  @ApiProperty({ example: '2027-06-30', description: 'Valid through the end of this day (UTC)' })
  expiresOn!: string;
}

export class StaffMemberResponse {
  @ApiProperty({
    format: 'uuid',
    example: EXAMPLE_ID.providerId,
    description: 'Their token subject',
  })
  staffId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.organizationId }) organizationId!: string;
  @ApiProperty({ type: HumanNameResponse }) name!: HumanNameResponse;
  @ApiProperty({
    example: 'Dr. Adaeze Okafor',
    description: 'The name as people read it: prefixes, given names, family name',
  })
  displayName!: string;
  @ApiProperty({
    enum: STAFF_FUNCTION_CODES,
    isArray: true,
    example: ['provider'],
    description: 'What they do here; an interpreter is scheduled like a provider',
  })
  functions!: readonly StaffFunction[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The clinics they work in' })
  clinicIds!: readonly string[];
  @ApiProperty({ type: [String], example: ['en', 'ig'], description: 'BCP 47 language tags' })
  languages!: readonly string[];
  @ApiProperty({ type: [StateLicenceResponse] }) licences!: readonly StateLicenceResponse[];
  @ApiPropertyOptional({ example: '1234567893', description: 'National Provider Identifier' })
  npi?: string;
  @ApiProperty() active!: boolean;
  @ApiProperty(VERSION) version!: number;
}
