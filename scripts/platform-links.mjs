// What `npm start` prints once the platform is ready: a table of everything a person can open
// and the ready-to-use access for each role. Plain ESM without dependencies, because it runs on
// the machine's own Node like the rest of start-platform.mjs.

/**
 * Rows `[what, where, note]` as a table at most `width` columns wide. The first two columns
 * are as wide as their longest cell (addresses are never cut, so they stay clickable); a note
 * longer than what is left wraps onto continuation lines of its own column.
 */
export function table(
  rows,
  { width = 100, indent = '  ', header = ['WHAT', 'ADDRESS', 'NOTE'] } = {},
) {
  const all = [header, ...rows];
  const w0 = Math.max(...all.map((r) => r[0].length));
  const w1 = Math.max(...all.map((r) => r[1].length));
  const noteWidth = Math.max(20, width - indent.length - w0 - w1 - 4);
  const lines = [];
  for (const [what, where, note = ''] of all) {
    const [first, ...rest] = wrap(note, noteWidth);
    lines.push(`${indent}${what.padEnd(w0)}  ${where.padEnd(w1)}  ${first ?? ''}`.trimEnd());
    for (const more of rest) lines.push(`${indent}${''.padEnd(w0)}  ${''.padEnd(w1)}  ${more}`);
  }
  return lines.join('\n');
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A MongoDB URL without its password, for printing. */
export function withoutPassword(url) {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** Terminal width for the table: the terminal's, but no wider than 100 columns. */
export function outputWidth(stream = process.stdout) {
  return Math.min(stream.isTTY && stream.columns ? stream.columns : 100, 100);
}
