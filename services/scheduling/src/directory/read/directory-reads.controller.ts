import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import {
  invalidInputDoc,
  ParseUuidParam,
  UseCaseRoute,
  UseCaseRouteDoc,
} from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { DirectoryQueries } from '../directory.queries';
import {
  ClinicResponse,
  OrganizationResponse,
  StaffMemberResponse,
} from './directory-records.response';
import { StaffQueryDto } from './staff-query.dto';

const uuidPipe = new ParseUuidParam();
const STAFF = ['coordinator', 'trainer', 'auditor', 'analyst', 'admin'] as const;
const EVERYONE = ['patient', 'provider', ...STAFF] as const;

/** What tells one read of a directory record by its id from the others. */
interface ReadOneRoute extends Pick<
  UseCaseRouteDoc,
  'summary' | 'description' | 'roles' | 'phi' | 'answer'
> {
  /** The collection; the id follows it in the path. */
  readonly path: string;
  readonly id: string;
  readonly param: Parameters<typeof uuidParam>;
  /** When the directory answers 404. */
  readonly notFound: string;
}

/** A GET of one directory record by its id: every one refuses a malformed id and an unknown record alike. */
const ReadsOne = (route: ReadOneRoute) =>
  UseCaseRoute({
    method: 'GET',
    path: `${route.path}/:${route.id}`,
    answer: route.answer,
    summary: route.summary,
    description: route.description,
    roles: route.roles,
    phi: route.phi,
    errors: { 400: invalidInputDoc({ ids: [route.id] }), 404: route.notFound },
    params: { [route.id]: uuidParam(...route.param) },
  });

/** The reads of one record by its id, as their API documents them. */
const READS = {
  organization: {
    path: 'organizations',
    id: 'organizationId',
    param: ['organizationId', 'The organization'],
    summary: 'Read an organization',
    description: 'Its name, the health system it is part of, whether it is active.',
    roles: EVERYONE,
    phi: 'none: the organization is a public fact',
    notFound: 'The directory does not list it, or it is not the organization of the token.',
    answer: {
      type: OrganizationResponse,
      description: 'The organization, with its stream version.',
    },
  },
  clinic: {
    path: 'clinics',
    id: 'clinicId',
    param: ['clinicId', 'The clinic'],
    summary: 'Read a clinic',
    description:
      'Name, organization, time zone and address. Staff read the clinics they cover; providers and patients any clinic of the organization (where a visit takes place is no secret).',
    roles: EVERYONE,
    phi: 'none: the clinic is a public fact',
    notFound: 'The directory does not list it, or it lies outside your clinics or organization.',
    answer: { type: ClinicResponse, description: 'The clinic, with its stream version.' },
  },
  staffMember: {
    path: 'staff',
    id: 'staffId',
    param: ['providerId', 'The staff member'],
    summary: 'Read a staff member',
    description:
      'Name, display name, what they do, clinics, languages, licences, NPI. Staff read colleagues in a clinic they cover; a provider reads their own record.',
    roles: ['provider', ...STAFF],
    phi: 'none: staff directory facts',
    notFound: 'The directory does not list them, or they work in none of your clinics.',
    answer: {
      type: StaffMemberResponse,
      description: 'The staff member, with their stream version.',
    },
  },
} as const satisfies Record<string, ReadOneRoute>;

@ApiTags('directory')
@Controller('api/v1/directory')
export class DirectoryReadsController {
  constructor(private readonly queries: DirectoryQueries) {}

  @ReadsOne(READS.organization)
  organization(
    @Param('organizationId', uuidPipe) organizationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrganizationResponse> {
    return this.queries.organization(organizationId, principal);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'clinics',
    answer: { type: [ClinicResponse], description: 'The clinics, each with its stream version.' },
    summary: 'List the clinics you cover',
    description:
      'Staff get the clinics of their `clinics` claim; a provider those their staff record lists. Sorted by name.',
    roles: ['provider', ...STAFF],
    phi: 'none: clinics are public facts',
    errors: {},
  })
  clinics(@CurrentPrincipal() principal: Principal): Promise<ClinicResponse[]> {
    return this.queries.clinics(principal);
  }

  @ReadsOne(READS.clinic)
  clinic(
    @Param('clinicId', uuidPipe) clinicId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClinicResponse> {
    return this.queries.clinic(clinicId, principal);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'staff',
    answer: { type: [StaffMemberResponse], description: 'The staff members of the clinic.' },
    summary: "List a clinic's staff",
    description:
      'Everyone the directory lists in a clinic you cover, active or not, with their display name; sorted by family name.',
    roles: STAFF,
    phi: 'none: staff directory facts',
    errors: {
      400: invalidInputDoc({ query: true }),
      403: 'The role is not a staff role, or the clinic is outside your clinics.',
      404: 'The directory does not list the clinic in your organization.',
    },
  })
  staff(
    @Query() query: StaffQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffMemberResponse[]> {
    return this.queries.staffOf(query.clinicId, principal);
  }

  @ReadsOne(READS.staffMember)
  staffMember(
    @Param('staffId', uuidPipe) staffId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffMemberResponse> {
    return this.queries.staffMember(staffId, principal);
  }
}
