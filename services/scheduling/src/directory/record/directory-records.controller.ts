import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { RECORD_CLINIC_EXAMPLE, RecordClinicDto } from './record-clinic.dto';
import { RecordDirectoryHandler, RecordedAnswer } from './record-directory.handler';
import { RECORD_ORGANIZATION_EXAMPLE, RecordOrganizationDto } from './record-organization.dto';
import { RECORD_STAFF_MEMBER_EXAMPLE, RecordStaffMemberDto } from './record-staff-member.dto';

const uuidPipe = new ParseUUIDPipe();
const UNCHANGED = 'Recording the same record again changes nothing (`changed: false`).';
const CONFLICT = 'Someone else changed the record at the same time; repeat the request.';

@ApiTags('directory')
@Controller('api/v1/directory')
export class DirectoryRecordsController {
  constructor(private readonly record: RecordDirectoryHandler) {}

  @Put('organizations/:organizationId')
  @HttpCode(200)
  @Roles('admin')
  @ApiUseCase({
    summary: 'Record an organization in the directory',
    description: `States the whole organization: its name, the health system it is part of, whether it is active. ${UNCHANGED}`,
    roles: ['admin'],
    phi: 'none: the organization is a public fact',
    errors: {
      400: invalidInputDoc({
        ids: ['organizationId'],
        body: true,
        also: '`partOf` names the organization itself or one the directory does not list',
      }),
      403: "The token is not an admin's, is for another organization, or does not cover all clinics.",
      409: CONFLICT,
    },
    params: { organizationId: uuidParam('organizationId', 'The organization') },
    body: { type: RecordOrganizationDto, example: RECORD_ORGANIZATION_EXAMPLE },
  })
  @ApiOkResponse({ description: 'The stream version after the save, and whether it changed.' })
  organization(
    @Param('organizationId', uuidPipe) organizationId: string,
    @Body() body: RecordOrganizationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedAnswer> {
    return this.record.organization(organizationId, body, principal);
  }

  @Put('clinics/:clinicId')
  @HttpCode(200)
  @Roles('admin')
  @ApiUseCase({
    summary: 'Record a clinic in the directory',
    description: `States the whole clinic: organization, name, IANA time zone, street address (its state is where visits there are licensed), whether it is active. ${UNCHANGED}`,
    roles: ['admin'],
    phi: 'none: the clinic is a public fact',
    errors: {
      400: invalidInputDoc({
        ids: ['clinicId'],
        body: true,
        also: 'the organization is not in the directory, the clinic is recorded under another organization, or the time zone is not an IANA zone',
      }),
      403: "The token is not an admin's, is for another organization, or does not cover the clinic.",
      409: CONFLICT,
    },
    params: { clinicId: uuidParam('clinicId', 'The clinic') },
    body: { type: RecordClinicDto, example: RECORD_CLINIC_EXAMPLE },
  })
  @ApiOkResponse({ description: 'The stream version after the save, and whether it changed.' })
  clinic(
    @Param('clinicId', uuidPipe) clinicId: string,
    @Body() body: RecordClinicDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedAnswer> {
    return this.record.clinic(clinicId, body, principal);
  }

  @Put('staff/:staffId')
  @HttpCode(200)
  @Roles('admin')
  @ApiUseCase({
    summary: 'Record a staff member in the directory',
    description: `States the whole staff record: name, what they do (an interpreter is scheduled like a provider), the clinics they work in, the languages they speak, their state licences and NPI. The id is the subject of their token. ${UNCHANGED}`,
    roles: ['admin'],
    phi: 'none: staff directory facts',
    errors: {
      400: invalidInputDoc({
        ids: ['staffId'],
        body: true,
        also: 'a clinic or the organization is not in the directory, a clinic belongs to another organization, an interpreter lists no language, or a licence is listed twice',
      }),
      403: "The token is not an admin's, is for another organization, or does not cover every clinic the staff member works in, before or after.",
      409: CONFLICT,
    },
    params: { staffId: uuidParam('providerId', 'The staff member') },
    body: { type: RecordStaffMemberDto, example: RECORD_STAFF_MEMBER_EXAMPLE },
  })
  @ApiOkResponse({ description: 'The stream version after the save, and whether it changed.' })
  staffMember(
    @Param('staffId', uuidPipe) staffId: string,
    @Body() body: RecordStaffMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedAnswer> {
    return this.record.staffMember(staffId, body, principal);
  }
}
