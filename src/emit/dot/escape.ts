import { wrapWords } from '../../util/wrap-words.js';

/**
 * Text inside a quoted DOT string. Graphviz reads backslash escapes in labels (\n, \l, \N, \G ...),
 * so a backslash is doubled and a quote escaped; long text is wrapped with \n line breaks.
 */
export function dotString(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Wrap at word boundaries to about `width` characters, then escape; lines joined by DOT's \n. */
export function dotLabel(text: string, width = 32): string {
  return wrapWords(text, width).map(dotString).join('\\n');
}
