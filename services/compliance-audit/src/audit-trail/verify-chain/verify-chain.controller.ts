import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { ApiUseCase } from '@thc/service-runtime';
import { ChainVerdict } from '../domain/chain-verification';
import { ChainVerification } from './chain-verification.service';

class ChainBreakView {
  @ApiProperty() seq!: number;
  @ApiProperty({
    enum: [
      'missing',
      'out-of-order',
      'content-altered',
      'link-broken',
      'unexplained-tombstone',
      'truncated',
      'checkpoint-mismatch',
      'checkpoint-signature-invalid',
    ],
  })
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
  @ApiPropertyOptional({ type: ChainBreakView }) firstBreak?: ChainBreakView;
}

@ApiTags('audit trail')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class VerifyChainController {
  constructor(private readonly verification: ChainVerification) {}

  @Get('verify')
  @Roles('auditor', 'admin')
  @ApiUseCase({
    summary: 'Verify the audit chain',
    description:
      "Recomputes every entry's hash and link up to the last entry stored when it starts (appends may go on meanwhile), checks the signed checkpoints and the head, and names the first broken entry.",
    roles: ['auditor', 'admin'],
    phi: 'none: sequence numbers, hashes and event ids only',
    errors: {},
  })
  @ApiOkResponse({ type: ChainVerdictView })
  verify(): Promise<ChainVerdict> {
    return this.verification.verify();
  }
}
