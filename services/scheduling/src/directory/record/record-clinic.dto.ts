import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { DisplayText, PostalAddressDto } from './directory-fields.dto';

/** The whole clinic record; the id is the path's. */
export class RecordClinicDto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.organizationId })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: 'Hudson Valley Telehealth — Poughkeepsie' })
  @DisplayText()
  name!: string;

  @ApiProperty({ example: 'America/New_York', description: "The clinic's IANA time zone." })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: PostalAddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address!: PostalAddressDto;

  @ApiProperty({ example: true })
  @IsBoolean()
  active!: boolean;
}

export const RECORD_CLINIC_EXAMPLE = {
  organizationId: EXAMPLE_ID.organizationId,
  name: 'Hudson Valley Telehealth — Poughkeepsie',
  timeZone: 'America/New_York',
  address: { lines: ['45 Reade Place'], city: 'Poughkeepsie', state: 'NY', postalCode: '12601' },
  active: true,
} satisfies RecordClinicDto;
