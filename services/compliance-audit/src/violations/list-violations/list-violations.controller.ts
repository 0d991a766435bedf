import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { VIOLATION_PHI } from '../../openapi/api-docs';
import { patientsOf, ViolationAlert } from '../violation-alert.view';
import { ListViolationsQuery } from './list-violations.query';
import { ViolationsQueryDto } from './violations-query.dto';

class ViolationList {
  @ApiProperty({ type: [ViolationAlert] }) items!: ViolationAlert[];
}

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class ListViolationsController {
  constructor(private readonly violations: ListViolationsQuery) {}

  @PhiRead({
    resource: 'DetectedIssue',
    action: 'search',
    patients: (r) => patientsOf((r as ViolationList).items),
  })
  @UseCaseRoute({
    method: 'GET',
    answer: ViolationList,
    summary: 'List violations',
    description:
      "The violation alerts, newest first, filtered by rule, review status and detection period, a page at a time, with the review steps taken and their notes, and the staff member each is about named as the directory lists them. Only violations of the clinics the auditor covers: those of the patient's visits, or for a finding about no patient, the staff member's clinics.",
    roles: ['auditor'],
    phi: `for each violation, ${VIOLATION_PHI}`,
    errors: { 400: invalidInputDoc({ query: true, purposeOfUse: true }) },
  })
  async list(
    @Query() query: ViolationsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationList> {
    return { items: await this.violations.list(query, principal) };
  }
}
