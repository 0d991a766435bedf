import type { Block, Reader } from './wording';

/** The words one language builds its recurring phrases from. */
export interface PhraseWords {
  /** What each kind of visit is called: "video visit", "consulta por video". */
  readonly visitKinds: Readonly<Record<Reader['visitType'], string>>;
  /** Before the visit's name: to the patient ("your"), to those who come with them ("the"). */
  readonly article: { readonly patient: string; readonly others: string };
  readonly minute: { readonly one: string; readonly many: string };
  /** An e-mail's joining lines, with the link and without it. */
  readonly join: {
    readonly fromLink: string;
    readonly keepPrivate: string;
    readonly fromLinkSentOrToCome: string;
  };
  /** The same in an SMS, where the link follows `fromLink`. */
  readonly joinSms: { readonly fromLink: string; readonly fromLinkSentOrToCome: string };
}

/**
 * The phrases every language's messages repeat, built the same way from its own words: the
 * visit named for the reader, a count of minutes, how to join by e-mail and by SMS.
 */
export function readerPhrases(words: PhraseWords) {
  const kindOf = (reader: Reader): string => words.visitKinds[reader.visitType];
  return {
    kindOf,
    visit: (reader: Reader): string =>
      `${reader.role === 'patient' ? words.article.patient : words.article.others} ${kindOf(reader)}`,
    minutes: (count: number): string =>
      `${count} ${count === 1 ? words.minute.one : words.minute.many}`,
    joinBlocks: (joinUrl: string | undefined): Block[] =>
      joinUrl
        ? [{ text: words.join.fromLink }, { link: joinUrl }, { text: words.join.keepPrivate }]
        : [{ text: words.join.fromLinkSentOrToCome }],
    joinSms: (joinUrl: string | undefined): string =>
      joinUrl ? `${words.joinSms.fromLink} ${joinUrl}` : words.joinSms.fromLinkSentOrToCome,
  };
}
