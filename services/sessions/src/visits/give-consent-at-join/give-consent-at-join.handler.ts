import { Inject, Injectable } from '@nestjs/common';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { consentWanted } from '../domain/consent-at-join.decider';
import { existing } from '../domain/session.guards';
import { SessionRepository } from '../infrastructure/session.repository';
import { TEXT_SEALER, TextSealer } from '../infrastructure/text-sealer';
import type { LinkHolder } from '../link-holder';
import type { GiveConsentDto } from './visit-consent.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * The patient accepts the consent text with their join link. The session records it as
 * ConsentGivenAtJoin; compliance-audit, which owns consent records, grants it from there.
 */
@Injectable()
export class GiveConsentAtJoinHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly consents: TelehealthConsents,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async give(holder: LinkHolder, dto: GiveConsentDto): Promise<void> {
    const loaded = await this.sessions.load(holder.sessionId);
    const session = existing(loaded.state, 'give consent in');
    const now = this.clock();
    const consent = await this.consents.standingOf(session.patientId, now);
    // Sealing reads (the first time, creates) the patient's key: only for a consent recorded.
    const language = consentWanted(session, consent)
      ? await this.sealer.seal(session.patientId, dto.language, 'consentLanguage')
      : undefined;
    await this.sessions.handle(
      holder.sessionId,
      {
        type: 'GiveConsentAtJoin',
        participantId: holder.participantId,
        textVersion: dto.textVersion,
        ...(language ? { language } : {}),
        consent,
        at: now.toISOString(),
      },
      { metadata: { actor: `join-link:${holder.linkId}` }, loaded },
    );
  }
}
