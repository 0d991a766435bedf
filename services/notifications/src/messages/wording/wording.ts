import type { MessageKind, RecipientRole } from '../../delivery/domain/planned-message';

/** A paragraph of an e-mail: words, or a link on a line of its own. */
export type Block = { readonly text: string } | { readonly link: string };

/** One message's words, before they are laid out as an e-mail and an SMS. */
export interface Wording {
  readonly subject: string;
  readonly body: readonly Block[];
  /**
   * The SMS, fullest first: the first that fits in two segments (with the stop line) is sent,
   * and the last one even when it does not, because it holds what must not be left out.
   */
  readonly sms: readonly string[];
}

/** What every message knows about its reader and the visit's kind. */
export interface Reader {
  readonly role: RecipientRole;
  readonly visitType: 'video' | 'audio';
}

/** The facts each kind of message is worded from, times already worded for the reader. */
export interface KindFacts {
  readonly reminder: Reader & { readonly when: string; readonly joinUrl?: string };
  readonly 'booking-confirmation': Reader & { readonly when: string; readonly joinUrl?: string };
  readonly 'booking-changed': Reader & {
    readonly when: string;
    readonly previousWhen?: string;
    readonly joinUrl?: string;
  };
  readonly 'booking-cancelled': Reader & { readonly when: string };
  readonly 'join-link': Reader & { readonly when?: string; readonly joinUrl: string };
  readonly 'waitlist-offer': Reader & {
    readonly when: string;
    readonly heldUntil: string;
    readonly joinUrl?: string;
  };
  readonly 'provider-running-late': Reader & { readonly waitedMinutes?: number };
  readonly 'survey-invitation': Reader & { readonly when?: string; readonly joinUrl?: string };
}

/** Everything one language says. */
export interface LanguageWording {
  readonly kinds: { readonly [K in MessageKind]: (facts: KindFacts[K]) => Wording };
  /** The end of every e-mail: why they got it and how to stop it. */
  readonly emailFooter: string;
  /** The end of every SMS. */
  readonly smsStop: string;
  /** The calendar entry's title and text. */
  readonly calendar: {
    readonly summary: (visitType: Reader['visitType']) => string;
    readonly description: (facts: Reader & { readonly cancelled: boolean }) => string;
  };
}

/** The first letter raised, for a phrase that opens a sentence. */
export const sentenceCase = (phrase: string): string =>
  phrase.charAt(0).toUpperCase() + phrase.slice(1);
