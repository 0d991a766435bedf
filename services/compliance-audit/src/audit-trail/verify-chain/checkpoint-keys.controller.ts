import { Controller, Inject } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { AUDIT_SETTINGS, AuditSettings } from '../../audit.settings';
import { publicKeyPem } from '../checkpoint-keys';
import { UseCaseRoute } from '@thc/service-runtime';

class CheckpointKeyView {
  @ApiProperty({ example: 'ed25519-3f9a0c1b2d4e5f60' }) keyId!: string;
  @ApiProperty({ example: 'Ed25519' }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SPKI, PEM' }) publicKeyPem!: string;
  @ApiProperty({ description: 'Signs new checkpoints (the others are retired keys)' })
  current!: boolean;
  @ApiProperty({ description: 'A key generated for a local run: its signatures prove nothing' })
  development!: boolean;
}

@ApiTags('audit trail')
@Controller('api/v1/audit')
export class CheckpointKeysController {
  constructor(@Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'checkpoint-keys',
    answer: [CheckpointKeyView],
    summary: 'List the public keys of the audit checkpoints',
    description:
      'The Ed25519 public keys that check the signed checkpoints and published heads of the audit chain (the current one and retired ones), for `npm run audit:verify`. Public keys only; an outside verifier should pin the key it got through a channel it trusts rather than take it from the service it checks.',
    roles: 'public',
    phi: 'none: public keys',
    errors: {
      429: 'The client sent more requests than the per-client rate limit allows.',
    },
  })
  keys(): CheckpointKeyView[] {
    const signer = this.settings.checkpointSigner;
    return this.settings.checkpointPublicKeys.map((key) => ({
      keyId: key.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: publicKeyPem(key.publicKey),
      current: key.keyId === signer.keyId,
      development: key.keyId === signer.keyId && signer.development,
    }));
  }
}
