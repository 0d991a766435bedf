import { Inject, Injectable } from '@nestjs/common';
import { PhiCipher } from '@thc/phi-protection';
import { Clock, CLOCK, ID_PROVIDER, IdProvider, PeriodicRoundsHost } from '@thc/service-runtime';
import {
  EMAIL_CHANNEL,
  EmailChannel,
  SendResult,
  SMS_CHANNEL,
  SmsChannel,
} from '../channels/channel';
import { CONTACT_DIRECTORY, ContactDirectory } from '../contacts/contact-points';
import { OptOutOfChannelHandler } from '../contacts/opt-out-of-channel.handler';
import { MissingMessageFact } from '../messages/missing-message-fact';
import { renderMessage, RenderedMessage } from '../messages/render-message';
import { retryDelayMs } from '../messages/retry-delay';
import { NOTIFICATIONS_SETTINGS, NotificationsSettings } from '../notifications.settings';
import { decideDelivery, DeliveryDecision, DeliveryTarget } from './domain/delivery-decision';
import { bouncedEvent, failedEvent, sentEvent } from './domain/outcome-events';
import type { PlannedMessage } from './domain/planned-message';
import { VISIT_STATUS, VisitStatusReader } from './domain/visit-status';
import { MessageOutcomeRepository } from './infrastructure/message-outcome.repository';
import { MessageQueue, QueuedMessage } from './infrastructure/message-queue.projection';

const PAGE = 50;

/**
 * Sends the messages that fell due. Each is claimed by one instance for a while (so two
 * instances never send it at once, and one that dies mid-send leaves it to the other once the
 * claim runs out), its outcome per channel is an event of its own stream (so one recorded is
 * never sent again, after any restart), and a transient failure is tried again with backoff.
 */
@Injectable()
export class MessageDispatcher extends PeriodicRoundsHost {
  protected readonly roundName = 'dispatch';
  /** This instance's name on the messages it claims. */
  private readonly instance: string;

  constructor(
    private readonly queue: MessageQueue,
    private readonly outcomes: MessageOutcomeRepository,
    private readonly cipher: PhiCipher,
    private readonly optOuts: OptOutOfChannelHandler,
    @Inject(CONTACT_DIRECTORY) private readonly contacts: ContactDirectory,
    @Inject(VISIT_STATUS) private readonly visits: VisitStatusReader,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) newId: IdProvider,
  ) {
    super();
    this.instance = newId();
  }

  protected periodMs(): number {
    return this.settings.dispatchPollMs;
  }

  /** Answers how many messages it handled. */
  protected async pass(): Promise<number> {
    let handled = 0;
    for (const due of await this.queue.due(this.clock(), PAGE)) {
      const now = this.clock();
      const claimed = await this.queue.claim(
        due._id,
        this.instance,
        now,
        new Date(now.getTime() + this.settings.claimMs),
      );
      if (!claimed) continue;
      await this.deliver(claimed);
      handled++;
    }
    return handled;
  }

  private async deliver(queued: QueuedMessage): Promise<void> {
    const { message } = queued;
    const recorded = await this.outcomes.outcomes(message.messageId);
    const decision = await this.decide(message);
    const now = this.clock();
    if (decision.kind === 'wait') {
      await this.queue.later(message.messageId, this.instance, decision.until, queued.attempts);
      return;
    }
    const alreadyDecided = Object.keys(recorded.byChannel).length > 0;
    for (const skip of decision.skipped) {
      // A message already sent on a channel is not also declared failed as a whole.
      if (alreadyDecided && skip.channel === undefined) continue;
      await this.outcomes.record(
        failedEvent(message, skip.channel, skip.reason, skip.detail, queued.attempts, now),
      );
    }
    if (decision.kind === 'give-up') return this.queue.done(message.messageId);
    const pending = decision.targets.filter((target) => !recorded.byChannel[target.channel]);
    const transient = await this.send(queued, decision, pending);
    if (transient.length === 0) return this.queue.done(message.messageId);
    await this.retryOrGiveUp(queued, transient);
  }

  private async decide(message: PlannedMessage): Promise<DeliveryDecision> {
    const [contact, visit] = await Promise.all([
      this.contacts.contactFor(message.recipientId),
      message.appointmentId ? this.visits.statusOf(message.appointmentId) : undefined,
    ]);
    const fallback =
      !contact.found && message.fallbackContact
        ? await this.cipher.open(
            { patientId: message.patientId, record: 'Appointment', field: 'contact' },
            message.fallbackContact.sealed,
          )
        : undefined;
    return decideDelivery({
      message,
      contact,
      visit,
      ...(fallback?.readable && message.fallbackContact
        ? { fallback: { channel: message.fallbackContact.channel, address: fallback.value } }
        : {}),
      smsConfigured: this.sms.configured,
      now: this.clock(),
    });
  }

  /** Sends on each pending channel; answers the channels that failed for now, with why. */
  private async send(
    queued: QueuedMessage,
    decision: Extract<DeliveryDecision, { kind: 'send' }>,
    /** The channels with no outcome yet. */
    targets: readonly DeliveryTarget[],
  ): Promise<{ target: DeliveryTarget; detail: string }[]> {
    const { message } = queued;
    if (targets.length === 0) return [];
    const joinUrl = await this.joinUrl(message);
    if (joinUrl === null)
      return this.failEach(queued, targets, 'erased', 'the link can no longer be opened');
    let rendered: RenderedMessage;
    try {
      rendered = renderMessage(message, {
        language: decision.language,
        timeZone: decision.timeZone,
        messageId: message.messageId,
        now: this.clock(),
        ...(joinUrl ? { joinUrl } : {}),
      });
    } catch (error) {
      if (!(error instanceof MissingMessageFact)) throw error;
      // A planning defect: recorded as such, never retried, never sent half-worded.
      return this.failEach(queued, targets, 'unrenderable', error.message);
    }
    const transient: { target: DeliveryTarget; detail: string }[] = [];
    const attempt = queued.attempts + 1;
    for (const target of targets) {
      const result = await this.sendOne(message, target, rendered, decision.language);
      if (result.outcome === 'transient') transient.push({ target, detail: result.detail });
      else await this.recordSent(message, target, result, attempt);
    }
    return transient;
  }

  /** What came of a send that is final: sent, refused, or a channel not configured. */
  private async recordSent(
    message: PlannedMessage,
    target: DeliveryTarget,
    result: Exclude<SendResult, { outcome: 'transient' }>,
    attempt: number,
  ): Promise<void> {
    const at = this.clock();
    const { channel } = target;
    if (result.outcome === 'sent')
      await this.outcomes.record(
        sentEvent(message, channel, attempt, at, result.providerMessageId),
      );
    else if (result.outcome === 'rejected' && result.optedOut)
      await this.optedOutAtGateway(message, target, result.detail, attempt);
    else if (result.outcome === 'rejected')
      await this.outcomes.record(bouncedEvent(message, channel, result.detail, at));
    else
      await this.outcomes.record(
        failedEvent(message, channel, 'channel-not-configured', result.detail, attempt, at),
      );
  }

  /** Records the message failed for good on each channel; nothing is left to retry. */
  private async failEach(
    queued: QueuedMessage,
    targets: readonly DeliveryTarget[],
    reason: 'erased' | 'unrenderable',
    detail: string,
  ): Promise<[]> {
    for (const target of targets)
      await this.outcomes.record(
        failedEvent(queued.message, target.channel, reason, detail, queued.attempts, this.clock()),
      );
    return [];
  }

  private sendOne(
    message: PlannedMessage,
    target: DeliveryTarget,
    rendered: RenderedMessage,
    language: string,
  ): Promise<SendResult> {
    return target.channel === 'email'
      ? this.email.send({
          messageId: message.messageId,
          to: target.to,
          language,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          attachments: rendered.attachments,
        })
      : this.sms.send({ messageId: message.messageId, to: target.to, body: rendered.sms });
  }

  /**
   * The gateway refused because the number replied STOP to it (a STOP we may never have seen):
   * not a bad address, but a person who left the channel. Recorded as their opt-out too, so
   * nothing more is tried there.
   */
  private async optedOutAtGateway(
    message: PlannedMessage,
    target: DeliveryTarget,
    detail: string,
    attempt: number,
  ): Promise<void> {
    await this.outcomes.record(
      failedEvent(message, target.channel, 'opted-out', detail, attempt, this.clock()),
    );
    await this.optOuts
      .optOut(message.recipientId, target.channel, 'stop-reply', 'notifications')
      .catch((error: Error) =>
        // A person reached at a booking's contact has no preferences to record it in.
        this.logger.debug(`opt-out of ${message.recipientId} not recorded: ${error.message}`),
      );
  }

  /** The join URL opened; undefined when the message has none, null when it cannot be opened. */
  private async joinUrl(message: PlannedMessage): Promise<string | undefined | null> {
    if (!message.joinLink) return undefined;
    const opened = await this.cipher.open(
      { patientId: message.patientId, record: 'Session', field: 'joinLink' },
      message.joinLink,
    );
    return opened.readable ? opened.value : null;
  }

  private async retryOrGiveUp(
    queued: QueuedMessage,
    transient: readonly { target: DeliveryTarget; detail: string }[],
  ): Promise<void> {
    const { message } = queued;
    const attempts = queued.attempts + 1;
    const now = this.clock();
    const next = new Date(now.getTime() + retryDelayMs(attempts, this.settings.retryBaseMs));
    const deadline = message.deadline ? Date.parse(message.deadline) : Infinity;
    const detail = transient.map(({ target, detail }) => `${target.channel}: ${detail}`).join('; ');
    if (attempts < this.settings.maxAttempts && next.getTime() < deadline) {
      this.logger.warn(
        `message ${message.messageId} attempt ${attempts} failed (${detail}); next at ${next.toISOString()}`,
      );
      await this.queue.later(message.messageId, this.instance, next, attempts, detail);
      return;
    }
    for (const { target, detail: why } of transient)
      await this.outcomes.record(
        failedEvent(message, target.channel, 'retries-exhausted', why, attempts, now),
      );
    await this.queue.done(message.messageId);
  }
}
