import { Body, Controller, Param, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { EXAMPLE_ID, uuidParam } from '../../openapi/api-docs';
import { RECORD_CLINIC_EXAMPLE, RecordClinicDto } from './record-clinic.dto';
import { RecordDirectoryHandler } from './record-directory.handler';
import { RecordedResponse } from './recorded.response';
import { RECORD_ORGANIZATION_EXAMPLE, RecordOrganizationDto } from './record-organization.dto';
import { RECORD_STAFF_MEMBER_EXAMPLE, RecordStaffMemberDto } from './record-staff-member.dto';

const uuidPipe = new ParseUuidParam();
const UNCHANGED = 'Recording the same record again changes nothing (`changed: false`).';
const CONFLICT = 'Someone else changed the record at the same time; repeat the request.';

/** What tells one PUT of a whole directory record from the others. */
interface RecordRoute {
  readonly path: string;
  readonly id: string;
  readonly param: readonly [example: keyof typeof EXAMPLE_ID, description: string];
  readonly summary: string;
  readonly description: string;
  readonly phi: string;
  /** The refusals of the record's content, beside malformed input. */
  readonly invalid: string;
  readonly forbidden: string;
  readonly body: { readonly type: Type<unknown>; readonly example: object };
}

/** An admin's PUT of one whole record: same roles, answer and errors for every kind. */
const RecordsWhole = (route: RecordRoute) =>
  UseCaseRoute({
    method: 'PUT',
    path: route.path,
    status: 200,
    answer: {
      type: RecordedResponse,
      description: 'The stream version after the save, and whether it changed.',
    },
    summary: route.summary,
    description: `${route.description} ${UNCHANGED}`,
    roles: ['admin'],
    phi: route.phi,
    errors: {
      400: invalidInputDoc({ ids: [route.id], body: true, also: route.invalid }),
      403: route.forbidden,
      409: CONFLICT,
    },
    params: { [route.id]: uuidParam(...route.param) },
    body: route.body,
  });

@ApiTags('directory')
@Controller('api/v1/directory')
export class DirectoryRecordsController {
  constructor(private readonly record: RecordDirectoryHandler) {}

  @RecordsWhole({
    path: 'organizations/:organizationId',
    id: 'organizationId',
    param: ['organizationId', 'The organization'],
    summary: 'Record an organization in the directory',
    description:
      'States the whole organization: its name, the health system it is part of, whether it is active.',
    phi: 'none: the organization is a public fact',
    invalid: '`partOf` names the organization itself or one the directory does not list',
    forbidden:
      "The token is not an admin's, is for another organization, or does not cover all clinics.",
    body: { type: RecordOrganizationDto, example: RECORD_ORGANIZATION_EXAMPLE },
  })
  organization(
    @Param('organizationId', uuidPipe) organizationId: string,
    @Body() body: RecordOrganizationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedResponse> {
    return this.record.organization(organizationId, body, principal);
  }

  @RecordsWhole({
    path: 'clinics/:clinicId',
    id: 'clinicId',
    param: ['clinicId', 'The clinic'],
    summary: 'Record a clinic in the directory',
    description:
      'States the whole clinic: organization, name, IANA time zone, street address (its state is where visits there are licensed), whether it is active.',
    phi: 'none: the clinic is a public fact',
    invalid:
      'the organization is not in the directory, the clinic is recorded under another organization, or the time zone is not an IANA zone',
    forbidden:
      "The token is not an admin's, is for another organization, or does not cover the clinic.",
    body: { type: RecordClinicDto, example: RECORD_CLINIC_EXAMPLE },
  })
  clinic(
    @Param('clinicId', uuidPipe) clinicId: string,
    @Body() body: RecordClinicDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedResponse> {
    return this.record.clinic(clinicId, body, principal);
  }

  @RecordsWhole({
    path: 'staff/:staffId',
    id: 'staffId',
    param: ['providerId', 'The staff member'],
    summary: 'Record a staff member in the directory',
    description:
      'States the whole staff record: name, what they do (an interpreter is scheduled like a provider), the clinics they work in, the languages they speak, their state licences and NPI. The id is the subject of their token.',
    phi: 'none: staff directory facts',
    invalid:
      'a clinic or the organization is not in the directory, a clinic belongs to another organization, an interpreter lists no language, or a licence is listed twice',
    forbidden:
      "The token is not an admin's, is for another organization, or does not cover every clinic the staff member works in, before or after.",
    body: { type: RecordStaffMemberDto, example: RECORD_STAFF_MEMBER_EXAMPLE },
  })
  staffMember(
    @Param('staffId', uuidPipe) staffId: string,
    @Body() body: RecordStaffMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedResponse> {
    return this.record.staffMember(staffId, body, principal);
  }
}
