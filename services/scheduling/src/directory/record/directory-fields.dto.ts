import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

// Optional fields refuse null as well: `IsOptional` would let an explicit null through.
export const present = (_: object, value: unknown) => value !== undefined;

export const USPS_STATE = /^[A-Z]{2}$/;
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
export const YYYY_MM_DD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A name as people read it, on a person or a place. */
export function DisplayText(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(200)(target, key);
  };
}

export class PostalAddressDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 3, example: ['45 Reade Place'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  lines!: string[];

  @ApiProperty({ example: 'Poughkeepsie' })
  @DisplayText()
  city!: string;

  @ApiProperty({ example: 'NY', description: 'USPS state or territory code.' })
  @IsString()
  @Matches(USPS_STATE, { message: '$property must be a USPS state code such as NY' })
  state!: string;

  @ApiProperty({ example: '12601' })
  @IsString()
  @Matches(/^[0-9]{5}(-[0-9]{4})?$/, { message: '$property must be a US ZIP code' })
  postalCode!: string;
}

export class HumanNameDto {
  @ApiProperty({ example: 'Okafor' })
  @DisplayText()
  family!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 4, example: ['Adaeze'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  given!: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 2, example: ['Dr.'] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  prefix?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 3, example: ['MD'] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  suffix?: string[];
}

export class StateLicenceDto {
  @ApiProperty({ example: 'NY', description: 'USPS code of the state that issued it.' })
  @IsString()
  @Matches(USPS_STATE, { message: '$property must be a USPS state code such as NY' })
  state!: string;

  @ApiProperty({ example: '298877' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  number!: string;

  @ApiProperty({ example: '2027-06-30', description: 'Valid through the end of this day (UTC).' })
  @IsString()
  @Matches(YYYY_MM_DD, { message: '$property must be a date yyyy-mm-dd' })
  expiresOn!: string;
}
