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
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { toAuditRecord } from '../audit-trail/domain/event-to-audit-record';
import { actorOf } from '../shared/actor';
import { CLOCK, Clock } from '../shared/audit.settings';
import { LegalHoldDto } from './legal-hold.dto';
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

  /** Purges entries older than the retention period (legal holds kept); the purge is chained. */
  @Post('retention/purge')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'the purge as recorded (AuditEntriesPurged)' })
  purge(@CurrentPrincipal() principal: Principal): Promise<AuditEntriesPurged> {
    return this.purger.purge({ userId: principal.subject, role: principal.roles[0] ?? 'admin' });
  }

  /** Keeps every entry of this patient beyond retention until released. */
  @Put('legal-holds/:patientId')
  @Roles('admin')
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

  /** Patients under legal hold (ids only). */
  @Get('legal-holds')
  @Roles('auditor', 'admin')
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
