import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import {
  ensureWholeOrganization,
  wholeOrganization403,
} from '../../clinic-scope/whole-organization';
import { BREAK_REASONS, ChainVerdict } from '../domain/chain-verification';
import { ChainVerification } from './chain-verification.service';
import { UseCaseRoute } from '@thc/service-runtime';

class ChainBreakView {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: BREAK_REASONS })
  reason!: string;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
}

class ChainVerdictView {
  @ApiProperty() intact!: boolean;
  @ApiProperty({ description: 'Entries verified before the first break (all of them when intact)' })
  entries!: number;
  @ApiProperty() lastSeq!: number;
  @ApiProperty() lastHash!: string;
  @ApiProperty({
    description:
      'The chain head hint as read before the walk. It may lag behind lastSeq (it is written after the entries); above lastSeq means the tail was cut',
  })
  headSeq!: number;
  @ApiProperty() checkpointsVerified!: number;
  @ApiProperty({
    description:
      'Signed heads read from AUDIT_HEADS_FILE (published off the database) that the chain matched; 0 when no heads file is configured',
  })
  publishedHeadsChecked!: number;
  @ApiPropertyOptional({ type: ChainBreakView }) firstBreak?: ChainBreakView;
}

@ApiTags('audit trail')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class VerifyChainController {
  constructor(private readonly verification: ChainVerification) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'verify',
    answer: ChainVerdictView,
    summary: 'Verify the audit chain',
    description:
      "The whole organization's trail, so only for a token that covers every clinic. Recomputes every entry's hash and link up to the last entry stored when it starts (appends may go on meanwhile); checks every tombstone against the purge that lists it and the legal holds of its time; checks the Ed25519-signed checkpoints, their cadence (one at least every AUDIT_CHECKPOINT_EVERY entries, no tail unsigned longer than AUDIT_CHECKPOINT_INTERVAL_MS), the heads published off the database (AUDIT_HEADS_FILE) and the head; names the first break.",
    roles: ['auditor', 'admin'],
    phi: 'none: sequence numbers, hashes and event ids only',
    errors: { 403: wholeOrganization403('auditor, admin') },
  })
  verify(@CurrentPrincipal() principal: Principal): Promise<ChainVerdict> {
    ensureWholeOrganization(principal);
    return this.verification.verify();
  }
}
