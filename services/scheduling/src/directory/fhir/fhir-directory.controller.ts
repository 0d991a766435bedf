import type { Bundle, Location, Organization, Practitioner } from '@medplum/fhirtypes';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, coversClinic, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { isClinicScoped } from '../directory-access';
import { DirectoryStore } from '../infrastructure/directory.store';
import { DirectoryQueries } from '../read/directory.queries';
import { FHIR_JSON } from './fhir-directory.codes';
import {
  fhirLocation,
  fhirOrganization,
  fhirPractitioner,
  fhirPractitionerRoles,
  searchset,
} from './fhir-directory.mappers';
import { PractitionerRoleQueryDto } from './practitioner-role-query.dto';

interface HttpRequest {
  protocol: string;
  originalUrl: string;
  get(name: string): string | undefined;
}

const uuidPipe = new ParseUUIDPipe();
const STAFF = ['coordinator', 'trainer', 'auditor', 'analyst', 'admin'] as const;
const EVERYONE = ['patient', 'provider', ...STAFF] as const;
const STAFF_READERS = ['provider', ...STAFF] as const;

/** The directory as FHIR R4 resources, for EHR integrations; the same reach as the REST reads. */
@ApiTags('fhir')
@Controller('fhir')
export class FhirDirectoryController {
  constructor(
    private readonly queries: DirectoryQueries,
    private readonly directory: DirectoryStore,
  ) {}

  @Get('Organization/:organizationId')
  @Header('Content-Type', FHIR_JSON)
  @Roles(...EVERYONE)
  @ApiUseCase({
    summary: 'Read an organization as a FHIR R4 Organization',
    description: 'Name, whether it is active, and the health system it is `partOf`.',
    roles: EVERYONE,
    phi: 'none: the organization is a public fact',
    errors: {
      400: invalidInputDoc({ ids: ['organizationId'] }),
      404: 'The directory does not list it, or it is not the organization of the token.',
    },
    params: { organizationId: uuidParam('organizationId', 'The organization') },
  })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'FHIR R4 Organization' })
  async organization(
    @Param('organizationId', uuidPipe) organizationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return fhirOrganization(await this.queries.organization(organizationId, principal));
  }

  @Get('Location/:clinicId')
  @Header('Content-Type', FHIR_JSON)
  @Roles(...EVERYONE)
  @ApiUseCase({
    summary: 'Read a clinic as a FHIR R4 Location',
    description:
      'Name, address, status, `managingOrganization`, and the IANA time zone as the `http://hl7.org/fhir/StructureDefinition/timezone` extension. Staff read the clinics they cover; providers and patients any clinic of the organization.',
    roles: EVERYONE,
    phi: 'none: the clinic is a public fact',
    errors: {
      400: invalidInputDoc({ ids: ['clinicId'] }),
      404: 'The directory does not list it, or it lies outside your clinics or organization.',
    },
    params: { clinicId: uuidParam('clinicId', 'The clinic') },
  })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'FHIR R4 Location' })
  async location(
    @Param('clinicId', uuidPipe) clinicId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Location> {
    return fhirLocation(await this.queries.clinic(clinicId, principal));
  }

  @Get('Practitioner/:staffId')
  @Header('Content-Type', FHIR_JSON)
  @Roles(...STAFF_READERS)
  @ApiUseCase({
    summary: 'Read a staff member as a FHIR R4 Practitioner',
    description:
      'Name, NPI (`http://hl7.org/fhir/sid/us-npi`), languages as `communication`, and a `qualification` per state licence with its issuing state and the day it ends. Interpreters are Practitioners too. Staff read colleagues in a clinic they cover; a provider their own.',
    roles: STAFF_READERS,
    phi: 'none: staff directory facts',
    errors: {
      400: invalidInputDoc({ ids: ['staffId'] }),
      404: 'The directory does not list them, or they work in none of your clinics.',
    },
    params: { staffId: uuidParam('providerId', 'The staff member') },
  })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'FHIR R4 Practitioner' })
  async practitioner(
    @Param('staffId', uuidPipe) staffId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Practitioner> {
    return fhirPractitioner(await this.queries.staffMember(staffId, principal));
  }

  @Get('PractitionerRole')
  @Header('Content-Type', FHIR_JSON)
  @Roles(...STAFF_READERS)
  @ApiUseCase({
    summary: "Search a staff member's FHIR R4 PractitionerRoles",
    description:
      'A searchset Bundle with one PractitionerRole per clinic the staff member works in, its `code` saying what they do there (an interpreter also as R4 participant-type `translator`). Staff see the roles in the clinics they cover; a provider all their own.',
    roles: STAFF_READERS,
    phi: 'none: staff directory facts',
    errors: {
      400: invalidInputDoc({ query: true }),
      404: 'The directory does not list them, or they work in none of your clinics.',
    },
  })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'FHIR R4 Bundle (searchset) of PractitionerRoles' })
  async practitionerRoles(
    @Query() query: PractitionerRoleQueryDto,
    @Req() request: HttpRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Bundle> {
    const staff = await this.queries.staffMember(query.practitioner, principal);
    const own = principal.subject === staff.staffId;
    const clinicIds = staff.clinicIds.filter(
      (clinicId) => own || !isClinicScoped(principal) || coversClinic(principal, clinicId),
    );
    const clinics = await this.directory.clinics.views.findMany(clinicIds);
    const names = new Map(clinics.map((view) => [view._id, view.record.name]));
    const base = `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir`;
    return searchset(
      fhirPractitionerRoles({ ...staff, clinicIds }, names),
      base,
      `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`,
    );
  }
}
