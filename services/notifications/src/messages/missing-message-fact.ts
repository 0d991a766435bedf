/**
 * A planned message lacks what its wording needs (a reminder without its visit, a join-link
 * message without the link): a planning fault, never something to send around.
 */
export class MissingMessageFact extends Error {
  constructor(
    readonly kind: string,
    readonly fact: string,
  ) {
    super(`a ${kind} message needs ${fact}`);
    this.name = 'MissingMessageFact';
  }
}
