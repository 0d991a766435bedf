/** RFC 5545 content lines: TEXT escaping, parameter quoting, folding and CRLF line ends. */

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

/** A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (§3.2): quoted when it holds `:;,`; double quotes cannot appear at all. */
export function icsParameter(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * One content line folded at 75 octets (§3.1): each continuation starts with a space, which
 * counts toward its 75, and no UTF-8 character is cut in two.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8.encode(character).length;
    if (octets + size > MAX_OCTETS) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(CRLF);
}

/** The lines of an iCalendar object as its text: folded, each ended by CRLF. */
export function icsDocument(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
