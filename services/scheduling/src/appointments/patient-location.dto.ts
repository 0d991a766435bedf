import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** USPS codes of the states, DC and the territories where a US licence can be issued. */
export const USPS_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
] as const;

/**
 * Where the patient says they will be during the visit. Licensure follows the patient: the
 * provider must hold a licence of this state. A state alone is not a HIPAA identifier.
 */
export class PatientLocationDto {
  @ApiProperty({ description: 'USPS state or territory code', example: 'NY', enum: USPS_STATES })
  @IsIn(USPS_STATES, { message: 'state must be a USPS state or territory code, e.g. NY' })
  state!: string;
}
