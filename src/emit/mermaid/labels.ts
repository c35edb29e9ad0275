/**
 * The nodes of a Mermaid chart as text: each step's shape and label (wrapped, escaped), a co-actor's
 * mark, a lane's header. Mermaid does not wrap a quoted label, so every label is wrapped here.
 */
import type { Procedure, Step } from '../../ast/types.js';
import { wrapWords } from '../../util/wrap-words.js';
import { mermaidText } from './escape.js';

/**
 * Characters per line of a node's label. A diamond grows with both sides of its text: one long line
 * made SOP-505's chart 2676 px wide.
 */
const LINE_WIDTH = { decision: 24, other: 34, header: 24 };

/**
 * A stadium's round ends have the radius of half its height but Mermaid widens it by a quarter of
 * that: from two lines of text on they cut the corners of the text off (a five-line start step
 * became a circle). A longer terminator is a box with rounded corners.
 */
const STADIUM_LINES = 1;

/**
 * A diamond holds the question, not the paragraph: its first words up to this many characters,
 * then '…' (the Markdown table and the form keep the whole Kegiatan).
 */
const DECISION_TEXT = 72;

function wrappedLines(text: string, width: number): string[] {
  return wrapWords(text, width).map(mermaidText);
}

function shortened(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.lastIndexOf(' ', limit);
  return `${flat.slice(0, cut > limit / 2 ? cut : limit).replace(/[\s,.;:]+$/, '')} …`;
}

function stepLines(step: Step, procedure: Procedure): string[] {
  const number = step.number === null ? '' : `${step.number}. `;
  const others = step.actors.slice(1).map((ref) => procedure.actors.find((a) => a.id.toLowerCase() === ref.id.toLowerCase())?.label ?? ref.id);
  const together = others.length ? ` (bersama ${others.join(', ')})` : '';
  if (step.symbol !== 'decision') return wrappedLines(`${number}${step.kegiatan.text}${together}`, LINE_WIDTH.other);
  return wrappedLines(`${number}${shortened(step.kegiatan.text, DECISION_TEXT)}${together}`, LINE_WIDTH.decision);
}

/** A step as a Mermaid node: stadium (start/end), diamond (decision) or box (process). */
export function stepNode(step: Step, id: string, procedure: Procedure): string {
  const lines = stepLines(step, procedure);
  const text = `"${lines.join('<br>')}"`;
  if (step.symbol === 'terminator') return lines.length > STADIUM_LINES ? `${id}(${text})` : `${id}([${text}])`;
  if (step.symbol === 'decision') return `${id}{${text}}`;
  return `${id}[${text}]`;
}

/** A co-actor's mark: the step's symbol, small, holding only the step's number. */
export function coActorMark(step: Step, id: string): string {
  const text = `"${step.number ?? '·'}"`;
  if (step.symbol === 'terminator') return `${id}([${text}])`;
  if (step.symbol === 'decision') return `${id}{${text}}`;
  return `${id}[${text}]`;
}

/** A lane's header: the actor's name in a box at the top of its lane, as wide as its text needs. */
export function headerNode(id: string, label: string): string {
  return `${id}["${wrappedLines(label, LINE_WIDTH.header).join('<br>')}"]`;
}

/** One line of text for a note or a terminal. */
export function quoted(text: string): string {
  return `"${mermaidText(text)}"`;
}
