import { Inject, Injectable } from '@nestjs/common';
import { awaitingLinks } from '../domain/join-link-delivery.decider';
import type {
  AssignSessionInterpreter,
  CreateSession,
  LinkToDeliver,
  MoveSession,
} from '../domain/session.commands';
import { sessionDecider } from '../domain/session.decider';
import type { SessionState } from '../domain/session.state';
import { JOIN_LINK_SEALER, JoinLinkSealer } from '../infrastructure/join-link.sealer';
import { JoinLinkSigner } from '../infrastructure/join-link.signer';
import { ID_PROVIDER, IdProvider } from '@thc/service-runtime';

/** The scheduling changes after which participants are sent new links. */
export type LinkingCommand = CreateSession | MoveSession | AssignSessionInterpreter;

/**
 * The links a booking, a move or a new interpreter leaves to send: one for each participant sent
 * theirs by message who would hold none that works once the command is decided (all of them after
 * a booking or a move, the new interpreter after a switch), signed for the session's time and
 * sealed for the notifications service. None when the command would change nothing (a
 * redelivery), when the links would already have expired, or when they cannot be sealed: a link
 * nobody can be sent would only be one more credential.
 */
@Injectable()
export class LinksToSend {
  constructor(
    private readonly signer: JoinLinkSigner,
    @Inject(JOIN_LINK_SEALER) private readonly sealer: JoinLinkSealer,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async for(command: LinkingCommand, state: SessionState, now: Date): Promise<LinkToDeliver[]> {
    // The decider is pure: deciding without links shows who the change leaves without one.
    const decided = sessionDecider.decide(command, state);
    const events = Array.isArray(decided) ? decided : [decided];
    if (events.length === 0) return [];
    const after = events.reduce(sessionDecider.evolve, state);
    if (after.status === 'none' || after.status === 'ended') return [];
    const start = after.scheduledStart;
    if (this.signer.window(start).expiresAt.getTime() <= now.getTime()) return [];
    const links: LinkToDeliver[] = [];
    // One after another: the first seal may create the patient's key, the next ones only read it.
    for (const participant of awaitingLinks(after)) {
      const linkId = this.newId();
      const signed = await this.signer.sign({ linkId, sessionId: after.sessionId }, start, now);
      const link = await this.sealer.seal(after.patientId, signed.url);
      if (!link) return [];
      links.push({
        linkId,
        participantId: participant.participantId,
        expiresAt: signed.expiresAt,
        link,
      });
    }
    return links;
  }
}
