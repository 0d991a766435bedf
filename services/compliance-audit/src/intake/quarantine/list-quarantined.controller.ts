import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import {
  ensureWholeOrganization,
  wholeOrganization403,
} from '../../clinic-scope/whole-organization';
import { QuarantinedEvent } from '../quarantined-event';
import { ListQuarantinedQueryDto, QuarantinedEventsView } from './list-quarantined.dto';
import { ListQuarantinedQuery } from './list-quarantined.query';

@ApiTags('audit trail')
@ApiBearerAuth()
@Controller('api/v1/audit/quarantine')
export class ListQuarantinedController {
  constructor(private readonly quarantine: ListQuarantinedQuery) {}

  @UseCaseRoute({
    method: 'GET',
    answer: QuarantinedEventsView,
    summary: 'List events held back from the audit trail',
    description:
      "Events whose type compliance-audit does not know: the trail chains them by id, type and source only and stores none of their data, which stays in Kafka at the topic, partition and offset given here (replay it once the service knows the type). Events held back belong to no clinic, so the list is only for a token that covers every clinic. A non-empty list after a deployment usually means a producer is ahead of compliance-audit's contracts.",
    roles: ['auditor', 'admin'],
    phi: 'none: event ids, types, sources and Kafka positions only',
    errors: { 400: invalidInputDoc({ query: true }), 403: wholeOrganization403('auditor, admin') },
  })
  async list(
    @Query() query: ListQuarantinedQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: QuarantinedEvent[] }> {
    ensureWholeOrganization(principal);
    return { items: await this.quarantine.latest(query.limit) };
  }
}
