import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { toAuditRecord } from '../audit-trail/domain/event-to-audit-record';
import { PATIENT_PARAM } from '../openapi/api-docs';
import { actorOf } from '../shared/actor';
import { CLOCK, Clock } from '../shared/audit.settings';
import { LEGAL_HOLD_EXAMPLE, LegalHoldDto } from './legal-hold.dto';
import { LegalHold, LegalHolds } from './legal-holds.store';
import { AuditEntriesPurged, RetentionPurge } from './retention-purge';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class RetentionController {
  constructor(
    private readonly holds: LegalHolds,
    private readonly purger: RetentionPurge,
    private readonly writer: AuditChainWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('retention/purge')
  @HttpCode(200)
  @Roles('admin')
  @ApiUseCase({
    summary: 'Purge audit entries past retention',
    description:
      'Reduces the entries older than the retention period (`AUDIT_RETENTION_YEARS`) to tombstones, except those of patients under legal hold. The purge itself is chained first, so the chain still verifies, then published. Takes no body.',
    roles: ['admin'],
    phi: 'none: the cutoff, counts and sequence range of the purge',
    errors: {},
  })
  @ApiOkResponse({ description: 'the purge as recorded (AuditEntriesPurged)' })
  purge(@CurrentPrincipal() principal: Principal): Promise<AuditEntriesPurged> {
    return this.purger.purge({ userId: principal.subject, role: principal.roles[0] ?? 'admin' });
  }

  @Put('legal-holds/:patientId')
  @Roles('admin')
  @ApiUseCase({
    summary: 'Place a legal hold on a patient',
    description:
      'Keeps every audit entry of the patient beyond retention until the hold is released. Placing a hold already in place changes nothing and answers the hold as it was placed; a new hold is chained into the audit trail.',
    roles: ['admin'],
    phi: 'the patient id under hold, with the legal matter and who placed it when',
    errors: { 400: invalidInputDoc({ ids: ['patientId'], body: true }) },
    params: PATIENT_PARAM,
    body: { type: LegalHoldDto, example: LEGAL_HOLD_EXAMPLE },
  })
  @ApiOkResponse({ description: 'the hold' })
  async place(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Body() dto: LegalHoldDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LegalHold> {
    const hold = {
      patientId,
      placedAt: this.clock().toISOString(),
      placedBy: principal.subject,
      matter: dto.matter,
    };
    if (await this.holds.place(hold))
      await this.chain('LegalHoldPlaced', {
        patientId,
        matter: dto.matter,
        placedAt: hold.placedAt,
        placedBy: actorOf(principal),
      });
    return (await this.holds.all()).find((h) => h.patientId === patientId) ?? hold;
  }

  @Delete('legal-holds/:patientId')
  @HttpCode(204)
  @Roles('admin')
  @ApiUseCase({
    summary: 'Release a legal hold',
    description:
      "Ends a patient's legal hold: their entries fall under retention again. The release is chained into the audit trail.",
    roles: ['admin'],
    phi: 'none: no body is returned',
    errors: {
      400: invalidInputDoc({ ids: ['patientId'] }),
      404: 'The patient is not under legal hold.',
    },
    params: PATIENT_PARAM,
  })
  @ApiNoContentResponse({ description: 'The hold is released.' })
  async release(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    if (!(await this.holds.release(patientId)))
      throw new NotFoundException('no legal hold for this patient');
    await this.chain('LegalHoldReleased', {
      patientId,
      releasedAt: this.clock().toISOString(),
      releasedBy: actorOf(principal),
    });
  }

  @Get('legal-holds')
  @Roles('auditor', 'admin')
  @ApiUseCase({
    summary: 'List legal holds',
    description: 'Every patient under legal hold, with the matter and who placed it when.',
    roles: ['auditor', 'admin'],
    phi: 'the ids of the patients under hold, with their legal matters',
    errors: {},
  })
  @ApiOkResponse({ description: 'The holds in place.' })
  list(): Promise<LegalHold[]> {
    return this.holds.all();
  }

  // Holds change what retention may remove, so placing and releasing them is in the trail too.
  private async chain(
    name: string,
    data: Readonly<Record<string, unknown>> & { readonly patientId: string },
  ): Promise<void> {
    const id = randomUUID();
    await this.writer.append([
      toAuditRecord({
        id,
        source: '/thc/compliance-audit',
        type: `thc.compliance.${name}.v1`,
        subject: `legal-hold-${data.patientId}`,
        time: this.clock().toISOString(),
        data,
      }),
    ]);
  }
}
