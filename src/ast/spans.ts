/** Offsets and text of the parser's tokens and nodes, shared by the AST builder's modules. */
import type { IToken } from 'chevrotain';
import type { Span } from '../diagnostics/source.js';
import type { Located } from '../syntax/syntax-tree.js';
import type { JoinedText } from './values.js';

export const tokenSpan = (t: IToken): Span => ({ start: t.startOffset, end: t.startOffset + t.image.length });
/** A token the recovering parser inserted: it stands for something missing and has no offset. */
export const isRecovered = (t: IToken): boolean => Number.isNaN(t.startOffset);

/**
 * A span of two offsets as small integers. An offset that went through Infinity, NaN or Math.min
 * is a double, which V8 stores in a box of its own (16 bytes more per offset, two per span: some
 * 0.5 KB per step of a big table); `| 0` makes it a small integer again (offsets are < 2^30).
 */
export const spanOf = (start: number, end: number): Span => ({ start: start | 0, end: end | 0 });

export function spanOfTokens(all: IToken[]): Span {
  const real = all.filter((t) => !isRecovered(t));
  if (real.length === 0) return { start: 0, end: 0 };
  let start = real[0].startOffset;
  let end = start + real[0].image.length;
  for (const t of real) {
    start = Math.min(start, t.startOffset);
    end = Math.max(end, t.startOffset + t.image.length);
  }
  return spanOf(start, end);
}

/** The span of a node (the parser tracks its offsets while reading), widened to an extra token. */
export function nodeSpan(node: Located, extra?: IToken): Span {
  let start = Number.isNaN(node.start) ? Infinity : node.start;
  let end = Number.isNaN(node.end) ? -Infinity : node.end;
  if (extra && !isRecovered(extra)) {
    start = Math.min(start, extra.startOffset);
    end = Math.max(end, extra.startOffset + extra.image.length);
  }
  return start === Infinity ? { start: 0, end: 0 } : spanOf(start, Math.max(start, end));
}

/** The text of a line and its continuation lines, in that order (recovered tokens skipped when asked). */
export function addText(joined: JoinedText, text: IToken[], unread: ReadonlySet<number>, skipRecovered = false): void {
  for (const t of text) if ((!skipRecovered || !isRecovered(t)) && !unread.has(t.startOffset)) joined.add(t.image, t.startOffset);
}
