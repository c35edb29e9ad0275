/**
 * Hand scans for what regular expressions would do with backtracking on long runs (of spaces, dots):
 * each is one pass over the text, so a 100 KB line costs microseconds, not minutes.
 */

/** Whether `char` is whitespace as `\s` defines it. */
export function isSpace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The index of the first character at or after `from` that is not whitespace (or the text's length). */
export function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text[at])) at++;
  return at;
}

/** `text` without the trailing characters that `drop` accepts: `text.replace(/[…]+$/, '')` in one pass. */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * Where a trailing conjunction starts: the index of the whitespace before a final 'dan' or 'serta'
 * (any case, trailing whitespace allowed), as `/\s+(?:dan|serta)\s*$/i` finds it; -1 if there is none.
 */
export function trailingConjunction(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  for (const word of ['dan', 'serta']) {
    const start = end - word.length;
    if (start < 1 || text.slice(start, end).toLowerCase() !== word || !isSpace(text[start - 1])) continue;
    let at = start - 1;
    while (at > 0 && isSpace(text[at - 1])) at--;
    return at;
  }
  return -1;
}

/** After 'dan' or 'serta' (any case) at `at` followed by whitespace: the index past that whitespace; else -1. */
function afterConjunctionAt(text: string, at: number): number {
  for (const word of ['dan', 'serta']) {
    if (text.slice(at, at + word.length).toLowerCase() === word && isSpace(text[at + word.length])) return skipSpaces(text, at + word.length);
  }
  return -1;
}

/**
 * The separators of an Indonesian enumeration ("A, B dan C", "A, serta B"), as
 * `/\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+/gi` finds them, in one pass: [start, end) pairs.
 */
export function enumerationSeparators(text: string): [number, number][] {
  const found: [number, number][] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char !== ',' && !isSpace(char)) {
      at++;
      continue;
    }
    const runEnd = skipSpaces(text, at);
    if (text[runEnd] === ',') {
      const afterComma = skipSpaces(text, runEnd + 1);
      const afterWord = afterConjunctionAt(text, afterComma);
      const end = afterWord >= 0 ? afterWord : afterComma;
      found.push([at, end]);
      at = end;
      continue;
    }
    const afterWord = runEnd > at ? afterConjunctionAt(text, runEnd) : -1;
    if (afterWord >= 0) {
      found.push([at, afterWord]);
      at = afterWord;
      continue;
    }
    at = runEnd;
  }
  return found;
}

/**
 * `# soplint-disable[-next-line] RULES -- REASON` read as
 * `/^(soplint-disable-next-line|soplint-disable)(?:\s+(.*?))?(?:\s+--\s*(.*))?$/` reads it, in one
 * pass: [text, keyword, rules, reason] (rules and reason undefined when absent), or undefined. A
 * comment with a line break inside (U+2028) after the keyword's spaces is not a directive.
 */
export function readDirective(text: string): [string, string, string | undefined, string | undefined] | undefined {
  const keyword = text.startsWith('soplint-disable-next-line')
    ? 'soplint-disable-next-line'
    : text.startsWith('soplint-disable')
      ? 'soplint-disable'
      : undefined;
  if (!keyword) return undefined;
  const rest = text.slice(keyword.length);
  if (rest === '') return [text, keyword, undefined, undefined];
  if (!isSpace(rest[0])) return undefined;
  const body = rest.slice(skipSpaces(rest, 0));
  if (/[\n\r\u2028\u2029]/.test(body)) return undefined;
  // The rules end at the first run of spaces followed by '--' (the reason's mark).
  for (let dash = body.indexOf('--'); dash >= 0; dash = body.indexOf('--', dash + 1)) {
    if (dash === 0 || !isSpace(body[dash - 1])) continue;
    let runStart = dash - 1;
    while (runStart > 0 && isSpace(body[runStart - 1])) runStart--;
    return [text, keyword, body.slice(0, runStart), body.slice(skipSpaces(body, dash + 2))];
  }
  return [text, keyword, body, undefined];
}

/**
 * A trailing qualifier in parentheses, as `/\s*\(([^()]*)\)\s*$/` finds it, in one pass:
 * { index, inner } or null.
 */
export function trailingParenthesis(text: string): { index: number; inner: string } | null {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  if (end === 0 || text[end - 1] !== ')') return null;
  const open = text.lastIndexOf('(', end - 1);
  if (open < 0 || text.indexOf(')', open) !== end - 1) return null;
  let index = open;
  while (index > 0 && isSpace(text[index - 1])) index--;
  return { index, inner: text.slice(open + 1, end - 1) };
}

/** Split at the separators of alternatives, as `text.split(/\s+\/\s*|\s*\/\s+|\s+atau\s+/i)` does, in one pass. */
export function splitAlternatives(text: string): string[] {
  const parts: string[] = [];
  let last = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '/') {
      const after = skipSpaces(text, at + 1);
      if (after > at + 1) {
        parts.push(text.slice(last, at));
        last = at = after;
        continue;
      }
      at++;
      continue;
    }
    if (!isSpace(char)) {
      at++;
      continue;
    }
    const runEnd = skipSpaces(text, at);
    if (text[runEnd] === '/') {
      parts.push(text.slice(last, at));
      last = at = skipSpaces(text, runEnd + 1);
      continue;
    }
    if (text.slice(runEnd, runEnd + 4).toLowerCase() === 'atau' && isSpace(text[runEnd + 4])) {
      parts.push(text.slice(last, at));
      last = at = skipSpaces(text, runEnd + 4);
      continue;
    }
    at = runEnd;
  }
  parts.push(text.slice(last));
  return parts;
}
