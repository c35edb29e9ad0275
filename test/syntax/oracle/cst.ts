/** Small readers of Chevrotain CST nodes and tokens, shared by the AST builder's modules. */
import type { CstNode, IToken } from 'chevrotain';
import type { Span } from '../../../src/diagnostics/source.js';

export type Children = Record<string, (CstNode | IToken)[] | undefined>;

// One shared empty list for absent children (most lookups miss): callers only read it.
const NONE: never[] = Object.freeze([]) as unknown as never[];
export const tokens = (ctx: Children, name: string): IToken[] => (ctx[name] as IToken[] | undefined) ?? NONE;
export const nodes = (ctx: Children, name: string): CstNode[] => (ctx[name] as CstNode[] | undefined) ?? NONE;
export const tokenSpan = (t: IToken): Span => ({ start: t.startOffset, end: t.startOffset + t.image.length });
export const isRecovered = (t: IToken): boolean => Number.isNaN(t.startOffset);

export function spanOfTokens(all: IToken[]): Span {
  const real = all.filter((t) => !isRecovered(t));
  if (real.length === 0) return { start: 0, end: 0 };
  return {
    start: Math.min(...real.map((t) => t.startOffset)),
    end: Math.max(...real.map((t) => t.startOffset + t.image.length)),
  };
}

/** Every token under a CST node, in source order. */
export function allTokens(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode) => {
    for (const list of Object.values(n.children)) {
      for (const child of list ?? []) {
        if ('image' in child) out.push(child);
        else walk(child);
      }
    }
  };
  walk(node);
  return out.filter((t) => !isRecovered(t)).sort((a, b) => a.startOffset - b.startOffset);
}

/** The span of a CST node (Chevrotain tracks node offsets while parsing), widened to an extra token. */
export function nodeSpan(node: CstNode, extra?: IToken): Span {
  const location = node.location;
  let start = location && !Number.isNaN(location.startOffset) ? location.startOffset : Infinity;
  let end = location && !Number.isNaN(location.endOffset ?? NaN) ? location.endOffset! + 1 : -Infinity;
  if (extra && !isRecovered(extra)) {
    start = Math.min(start, extra.startOffset);
    end = Math.max(end, extra.startOffset + extra.image.length);
  }
  return start === Infinity ? { start: 0, end: 0 } : { start, end: Math.max(start, end) };
}
