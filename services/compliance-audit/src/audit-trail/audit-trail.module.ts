import { Module } from '@nestjs/common';
import { AuditChainWriter } from './audit-chain.writer';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditTrailCollections } from './audit-trail.collections';
import { HeadsPublisher } from './heads-publisher';
import { ChainVerification } from './verify-chain/chain-verification.service';
import { CheckpointKeysController } from './verify-chain/checkpoint-keys.controller';
import { VerifyChainController } from './verify-chain/verify-chain.controller';

/** The hash-chained, append-only audit trail: writer, signed checkpoints and heads, verification. */
@Module({
  controllers: [VerifyChainController, CheckpointKeysController],
  providers: [
    AuditTrailCollections,
    HeadsPublisher,
    AuditCheckpoints,
    AuditChainWriter,
    ChainVerification,
  ],
  exports: [AuditTrailCollections, AuditCheckpoints, AuditChainWriter, ChainVerification],
})
export class AuditTrailModule {}
