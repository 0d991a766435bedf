import type { Bundle, Location, Organization, Practitioner } from '@medplum/fhirtypes';
import { applyDecorators, Controller, Header, Param, Query, Req } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role } from '@thc/auth';
import {
  fhirAnswer,
  invalidInputDoc,
  ParseUuidParam,
  PathParamDoc,
  UseCaseRoute,
} from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { DirectoryQueries } from '../directory.queries';
import { FHIR_JSON } from '../fhir-directory.codes';
import {
  fhirLocation,
  fhirOrganization,
  fhirPractitioner,
  searchset,
} from './fhir-directory.mappers';
import { PractitionerRoleQueryDto } from './practitioner-role-query.dto';
import { PractitionerRolesQuery } from './practitioner-roles.query';

interface HttpRequest {
  protocol: string;
  originalUrl: string;
  get(name: string): string | undefined;
}

const uuidPipe = new ParseUuidParam();
const STAFF = ['coordinator', 'trainer', 'auditor', 'analyst', 'admin'] as const;
const EVERYONE = ['patient', 'provider', ...STAFF] as const;
const STAFF_READERS = ['provider', ...STAFF] as const;

/** What tells one FHIR read of the directory from the others. */
interface FhirRoute {
  readonly path: string;
  readonly roles: readonly [Role, ...Role[]];
  readonly summary: string;
  readonly description: string;
  readonly phi: string;
  /** The one path parameter, if any; without one the route validates its query. */
  readonly param?: { readonly name: string; readonly doc: PathParamDoc };
  readonly notFound: string;
  /** The R4 resource type answered: `Bundle` for a search. */
  readonly resourceType: string;
  /** What the answer is, when more than `FHIR R4 <resourceType>`. */
  readonly answer?: string;
}

/** A GET answering FHIR R4 JSON: the same headers, docs and 400 for every resource. */
const FhirRead = (route: FhirRoute) =>
  applyDecorators(
    UseCaseRoute({
      method: 'GET',
      path: route.path,
      answer: fhirAnswer(route.resourceType, route.answer),
      summary: route.summary,
      description: route.description,
      roles: route.roles,
      phi: route.phi,
      errors: {
        400: invalidInputDoc(route.param ? { ids: [route.param.name] } : { query: true }),
        404: route.notFound,
      },
      ...(route.param ? { params: { [route.param.name]: route.param.doc } } : {}),
    }),
    Header('Content-Type', FHIR_JSON),
    ApiProduces(FHIR_JSON),
  );

/** The directory as FHIR R4 resources, for EHR integrations; the same reach as the REST reads. */
@ApiTags('fhir')
@Controller('fhir')
export class FhirDirectoryController {
  constructor(
    private readonly queries: DirectoryQueries,
    private readonly roles: PractitionerRolesQuery,
  ) {}

  @FhirRead({
    path: 'Organization/:organizationId',
    roles: EVERYONE,
    summary: 'Read an organization as a FHIR R4 Organization',
    description: 'Name, whether it is active, and the health system it is `partOf`.',
    phi: 'none: the organization is a public fact',
    param: { name: 'organizationId', doc: uuidParam('organizationId', 'The organization') },
    notFound: 'The directory does not list it, or it is not the organization of the token.',
    resourceType: 'Organization',
  })
  async organization(
    @Param('organizationId', uuidPipe) organizationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return fhirOrganization(await this.queries.organization(organizationId, principal));
  }

  @FhirRead({
    path: 'Location/:clinicId',
    roles: EVERYONE,
    summary: 'Read a clinic as a FHIR R4 Location',
    description:
      'Name, address, status, `managingOrganization`, and the IANA time zone as the `http://hl7.org/fhir/StructureDefinition/timezone` extension. Staff read the clinics they cover; providers and patients any clinic of the organization.',
    phi: 'none: the clinic is a public fact',
    param: { name: 'clinicId', doc: uuidParam('clinicId', 'The clinic') },
    notFound: 'The directory does not list it, or it lies outside your clinics or organization.',
    resourceType: 'Location',
  })
  async location(
    @Param('clinicId', uuidPipe) clinicId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Location> {
    return fhirLocation(await this.queries.clinic(clinicId, principal));
  }

  @FhirRead({
    path: 'Practitioner/:staffId',
    roles: STAFF_READERS,
    summary: 'Read a staff member as a FHIR R4 Practitioner',
    description:
      'Name, NPI (`http://hl7.org/fhir/sid/us-npi`), languages as `communication`, and a `qualification` per state licence with its issuing state and the day it ends. Interpreters are Practitioners too. Staff read colleagues in a clinic they cover; a provider their own.',
    phi: 'none: staff directory facts',
    param: { name: 'staffId', doc: uuidParam('providerId', 'The staff member') },
    notFound: 'The directory does not list them, or they work in none of your clinics.',
    resourceType: 'Practitioner',
  })
  async practitioner(
    @Param('staffId', uuidPipe) staffId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Practitioner> {
    return fhirPractitioner(await this.queries.staffMember(staffId, principal));
  }

  @FhirRead({
    path: 'PractitionerRole',
    roles: STAFF_READERS,
    summary: "Search a staff member's FHIR R4 PractitionerRoles",
    description:
      'A searchset Bundle with one PractitionerRole per clinic the staff member works in, its `code` saying what they do there (an interpreter also as R4 participant-type `translator`). Staff see the roles in the clinics they cover; a provider all their own.',
    phi: 'none: staff directory facts',
    notFound: 'The directory does not list them, or they work in none of your clinics.',
    resourceType: 'Bundle',
    answer: 'FHIR R4 Bundle (searchset) of PractitionerRoles',
  })
  async practitionerRoles(
    @Query() query: PractitionerRoleQueryDto,
    @Req() request: HttpRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Bundle> {
    const roles = await this.roles.execute(query.practitioner, principal);
    const origin = `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    return searchset(roles, `${origin}/fhir`, `${origin}${request.originalUrl}`);
  }
}
