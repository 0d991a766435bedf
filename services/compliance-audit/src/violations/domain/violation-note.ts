import { createHash } from 'node:crypto';

/** SHA-256 of a note's text (UTF-8, hex): what the events carry instead of the text. */
export function noteSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
