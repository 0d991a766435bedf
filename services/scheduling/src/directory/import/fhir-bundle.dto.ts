import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/**
 * A FHIR R4 Bundle, as far as the API's validation goes: its type and that it has entries.
 * The entries are read by the import itself, which names each field it refuses.
 */
export class FhirBundleDto {
  @ApiProperty({ enum: ['Bundle'] })
  @IsIn(['Bundle'])
  resourceType!: 'Bundle';

  @ApiProperty({ enum: ['collection', 'batch', 'transaction'] })
  @IsIn(['collection', 'batch', 'transaction'])
  type!: 'collection' | 'batch' | 'transaction';

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Organization, Location, Practitioner and PractitionerRole resources, each `{ fullUrl?, resource, request? }`.',
  })
  @IsArray()
  @ArrayMaxSize(2000)
  entry!: object[];

  // The rest of a Bundle is accepted and left alone.
  @ApiPropertyOptional() @Allow() id?: string;
  @ApiPropertyOptional() @Allow() meta?: object;
  @ApiPropertyOptional() @Allow() identifier?: object;
  @ApiPropertyOptional() @Allow() timestamp?: string;
  @ApiPropertyOptional() @Allow() total?: number;
  @ApiPropertyOptional() @Allow() link?: object[];
  @ApiPropertyOptional() @Allow() signature?: object;
  @ApiPropertyOptional() @Allow() language?: string;
  @ApiPropertyOptional() @Allow() implicitRules?: string;
}

const organizationId = EXAMPLE_ID.organizationId;
const clinicId = EXAMPLE_ID.clinicId;
const providerId = EXAMPLE_ID.providerId;

/** One health system, one clinic, one provider with her role there, as an EHR exports them. */
export const IMPORT_BUNDLE_EXAMPLE = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: { resourceType: 'Organization', id: organizationId, name: 'Hudson Valley Health' },
    },
    {
      resource: {
        resourceType: 'Location',
        id: clinicId,
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/timezone',
            valueCode: 'America/New_York',
          },
        ],
        status: 'active',
        name: 'Hudson Valley Telehealth — Poughkeepsie',
        address: {
          line: ['45 Reade Place'],
          city: 'Poughkeepsie',
          state: 'NY',
          postalCode: '12601',
        },
        managingOrganization: { reference: `Organization/${organizationId}` },
      },
    },
    {
      resource: {
        resourceType: 'Practitioner',
        id: providerId,
        identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
        name: [{ use: 'official', family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] }],
        qualification: [
          {
            identifier: [{ value: '298877' }],
            code: { text: 'NY licence to practise' },
            period: { end: '2027-06-30' },
            issuer: { identifier: { system: 'urn:iso:std:iso:3166:-2', value: 'US-NY' } },
          },
        ],
        communication: [
          { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] },
          { coding: [{ system: 'urn:ietf:bcp:47', code: 'ig' }] },
        ],
      },
    },
    {
      resource: {
        resourceType: 'PractitionerRole',
        practitioner: { reference: `Practitioner/${providerId}` },
        organization: { reference: `Organization/${organizationId}` },
        location: [{ reference: `Location/${clinicId}` }],
        code: [
          {
            coding: [
              {
                system: 'https://telehealth-coordinator.org/fhir/CodeSystem/staff-function',
                code: 'provider',
              },
            ],
          },
        ],
      },
    },
  ],
} satisfies FhirBundleDto;
