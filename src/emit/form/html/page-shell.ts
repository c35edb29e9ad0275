/** The frame of every HTML page soplint writes: a complete HTML5 document, self-contained, in Indonesian. */
import { markup } from '../text/escape.js';

export interface PageShell {
  title: string;
  css: string;
  body: string;
}

/**
 * Browsers show ~70 characters of a title (html-validate's long-title counts them escaped): a longer
 * one is cut and marked with an ellipsis. Returns the escaped title.
 */
export function shortTitle(title: string, max = 70): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (markup(clean).length <= max) return markup(clean);
  const chars = [...clean];
  // Escaping only lengthens text: no prefix of more than `max` characters fits, so start there.
  let length = Math.min(chars.length, max);
  while (length > 0 && markup(chars.slice(0, length).join('').trimEnd() + '…').length > max) length--;
  return markup(chars.slice(0, length).join('').trimEnd() + '…');
}

export function htmlPage({ title, css, body }: PageShell): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="soplint">',
    `<title>${shortTitle(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
