import { Module } from '@nestjs/common';
import { AuditChainWriter } from './audit-chain.writer';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditTrailCollections } from './audit-trail.collections';
import { ChainVerification } from './verify-chain/chain-verification.service';
import { VerifyChainController } from './verify-chain/verify-chain.controller';

/** The hash-chained, append-only audit trail: writer, signed checkpoints, verification. */
@Module({
  controllers: [VerifyChainController],
  providers: [AuditTrailCollections, AuditCheckpoints, AuditChainWriter, ChainVerification],
  exports: [AuditTrailCollections, AuditCheckpoints, AuditChainWriter, ChainVerification],
})
export class AuditTrailModule {}
