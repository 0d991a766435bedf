import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { ClinicAccess } from '../clinic-scope/clinic-access';
import { ensureWholeOrganization, wholeOrganization403 } from '../clinic-scope/whole-organization';
import { PATIENT_PARAM } from '../openapi/api-docs';
import { LEGAL_HOLD_EXAMPLE, LegalHoldDto } from './legal-hold.dto';
import type { LegalHold } from './legal-hold';
import { LegalHoldResponse } from './legal-hold.response';
import { LegalHoldsHandler } from './legal-holds.handler';
import { RetentionPurge } from './retention-purge';
import {
  PURGE_CONFIRMATION,
  RETENTION_PURGE_EXAMPLE,
  RetentionPurgeDto,
} from './retention-purge.dto';
import {
  AuditEntriesPurgedResponse,
  PURGE_ANSWER_SCHEMA,
  PurgePlanResponse,
} from './retention-purge.response';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class RetentionController {
  constructor(
    private readonly holds: LegalHoldsHandler,
    private readonly purger: RetentionPurge,
    private readonly access: ClinicAccess,
  ) {}

  @UseCaseRoute({
    method: 'POST',
    path: 'retention/purge',
    status: 200,
    answer: {
      description:
        'the purge as recorded (AuditEntriesPurged), or for a dry run what it would purge: cutoff, purgedCount and purgedRanges, heldCount and heldRanges',
      content: { 'application/json': { schema: PURGE_ANSWER_SCHEMA } },
    },
    summary: 'Purge audit entries past retention',
    description:
      'Reduces the entries older than the retention period (`AUDIT_RETENTION_YEARS`) to tombstones, except those of patients under legal hold and the records of purges and holds. The purge is chained first, listing exactly the sequence numbers it empties, so the chain still verifies; then published. `{"dryRun": true}` only answers what a purge would empty (which sequences, how many, which are held) and changes nothing; a purge needs `{"confirm": "' +
      PURGE_CONFIRMATION +
      '"}`. The trail is the whole organization\'s: only an admin whose token covers every clinic may purge it.',
    roles: ['admin'],
    phi: 'none: the cutoff, counts and sequence numbers of the purge',
    errors: {
      400: invalidInputDoc({
        body: true,
        also: '`confirm` is not exactly the confirmation while `dryRun` is not true',
      }),
      403: wholeOrganization403('admin'),
    },
    body: { type: RetentionPurgeDto, example: RETENTION_PURGE_EXAMPLE },
  })
  @ApiExtraModels(AuditEntriesPurgedResponse, PurgePlanResponse)
  purge(
    @Body() dto: RetentionPurgeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditEntriesPurgedResponse | PurgePlanResponse> {
    ensureWholeOrganization(principal);
    if (dto.dryRun) return this.purger.plan();
    return this.purger.purge({ userId: principal.subject, role: principal.roles[0] ?? 'admin' });
  }

  @UseCaseRoute({
    method: 'PUT',
    path: 'legal-holds/:patientId',
    answer: { type: LegalHoldResponse, description: 'the hold' },
    summary: 'Place a legal hold on a patient',
    description:
      'Keeps every audit entry of the patient beyond retention until the hold is released. Placing a hold already in place changes nothing and answers the hold as it was placed; a new hold is chained into the audit trail.',
    roles: ['admin'],
    phi: 'the patient id under hold, with the legal matter and who placed it when',
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], body: true }),
      403: "The token's role is not one of: admin; or the patient has no visit in a clinic the admin covers.",
    },
    params: PATIENT_PARAM,
    body: { type: LegalHoldDto, example: LEGAL_HOLD_EXAMPLE },
  })
  async place(
    @Param('patientId', ParseUuidParam) patientId: string,
    @Body() dto: LegalHoldDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LegalHoldResponse> {
    await this.access.ensurePatient(principal, patientId);
    return this.holds.place(patientId, dto.matter, principal);
  }

  @UseCaseRoute({
    method: 'DELETE',
    path: 'legal-holds/:patientId',
    status: 204,
    answer: { description: 'The hold is released.' },
    summary: 'Release a legal hold',
    description:
      "Ends a patient's legal hold: their entries fall under retention again. The release is chained into the audit trail.",
    roles: ['admin'],
    phi: 'none: no body is returned',
    errors: {
      400: invalidInputDoc({ ids: ['patientId'] }),
      403: "The token's role is not one of: admin; or the patient has no visit in a clinic the admin covers.",
      404: 'The patient is not under legal hold.',
    },
    params: PATIENT_PARAM,
  })
  async release(
    @Param('patientId', ParseUuidParam) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.access.ensurePatient(principal, patientId);
    await this.holds.release(patientId, principal);
  }

  @PhiRead({
    resource: 'Patient',
    action: 'search',
    patients: (holds) => (holds as LegalHold[]).map((hold) => hold.patientId),
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'legal-holds',
    answer: { type: [LegalHoldResponse], description: 'The holds in place.' },
    summary: 'List legal holds',
    description:
      'Every patient under legal hold in the clinics the caller covers (a patient belongs to the clinics of their visits), with the matter and who placed it when.',
    roles: ['auditor', 'admin'],
    phi: 'the ids of the patients under hold, with their legal matters',
    errors: { 400: invalidInputDoc({ purposeOfUse: true }) },
  })
  async list(@CurrentPrincipal() principal: Principal): Promise<LegalHoldResponse[]> {
    const holds = await this.holds.all();
    const covered = await this.access.coveredPatients(
      principal,
      holds.map((hold) => hold.patientId),
    );
    return holds.filter((hold) => covered(hold.patientId));
  }
}
