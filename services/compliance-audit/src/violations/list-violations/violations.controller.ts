import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { clinicFilterOf, CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { StaffDirectory } from '../../directory/staff-directory.store';
import { VIOLATION_PHI } from '../../openapi/api-docs';
import { patientsOf, toAlertView, ViolationAlert } from '../violation-alert.view';
import { ViolationAlerts } from '../violation-alerts.store';
import { ViolationsQueryDto } from './violations-query.dto';

class ViolationList {
  @ApiProperty({ type: [ViolationAlert] }) items!: ViolationAlert[];
}

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class ViolationsController {
  constructor(
    private readonly alerts: ViolationAlerts,
    private readonly directory: StaffDirectory,
  ) {}

  @Get()
  @Roles('auditor')
  @PhiRead({
    resource: 'DetectedIssue',
    action: 'search',
    patients: (r) => patientsOf((r as ViolationList).items),
  })
  @ApiUseCase({
    summary: 'List violations',
    description:
      "The violation alerts, newest first, filtered by rule, review status and detection period, a page at a time, with the review steps taken and their notes, and the staff member each is about named as the directory lists them. Only violations of the clinics the auditor covers: those of the patient's visits, or for a finding about no patient, the staff member's clinics.",
    roles: ['auditor'],
    phi: `for each violation, ${VIOLATION_PHI}`,
    errors: { 400: invalidInputDoc({ query: true, purposeOfUse: true }) },
  })
  @ApiOkResponse({ type: ViolationList })
  async list(
    @Query() query: ViolationsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationList> {
    const clinics = clinicFilterOf(principal);
    const detected = {
      ...(query.from ? { $gte: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { $lt: new Date(query.to).toISOString() } : {}),
    };
    const documents = await this.alerts.collection
      .find({
        ...(query.rule ? { rule: query.rule } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(Object.keys(detected).length > 0 ? { detectedAt: detected } : {}),
        ...(clinics ? { clinicIds: { $in: [...clinics] } } : {}),
      })
      .sort({ detectedAt: -1, _id: 1 })
      .skip(query.offset ?? 0)
      .limit(query.limit ?? 100)
      .toArray();
    // The staff members the page is about, named in one read.
    const names = await this.directory.names(
      documents.flatMap((document) => (document.actorId ? [document.actorId] : [])),
    );
    return {
      items: documents.map((document) =>
        toAlertView(document, document.actorId ? names.get(document.actorId) : undefined),
      ),
    };
  }
}
