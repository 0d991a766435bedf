import type { TemplateLanguage } from './template-language';
import type { Block } from './wording/wording';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Only web addresses become links: a `javascript:` or `data:` URL stays inert text. */
function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The plain-text part: one paragraph per block, a link alone on its line so it stays whole. */
export function emailText(body: readonly Block[], footer: string): string {
  const paragraphs = body.map((block) => ('link' in block ? block.link : block.text));
  return `${[...paragraphs, '—', footer].join('\n\n')}\n`;
}

/** The HTML part: the same paragraphs, escaped, in a document that names its language. */
export function emailHtml(
  body: readonly Block[],
  footer: string,
  subject: string,
  language: TemplateLanguage,
): string {
  const paragraphs = body.map((block) => {
    if (!('link' in block)) return `<p>${escapeHtml(block.text)}</p>`;
    const shown = escapeHtml(block.link);
    return isWebAddress(block.link)
      ? `<p><a href="${shown}" style="color:#0b57d0;word-break:break-all">${shown}</a></p>`
      : `<p style="word-break:break-all">${shown}</p>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f">',
    ...paragraphs,
    '<hr style="border:none;border-top:1px solid #ccc;margin:24px 0">',
    `<p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
