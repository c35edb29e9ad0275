/** Greedy line wrapping by measured width; a word wider than the line is broken between characters. */
import { textWidth } from './metrics.js';

/** Measured widths are multiplied by this before comparing, to absorb rounding and hinting in browsers. */
const SAFETY = 1.04;

export interface WrapStyle {
  fontSize: number;
  bold?: boolean;
}

/** Whitespace as SVG shows it: runs collapsed to one space, none at the ends. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function fits(text: string, maxWidth: number, style: WrapStyle): boolean {
  return textWidth(text, style.fontSize, style.bold) * SAFETY <= maxWidth;
}

/** The lines of `text` wrapped to `maxWidth`; [] for empty text. */
export function wrapText(text: string, maxWidth: number, style: WrapStyle): string[] {
  const words = normalizeSpace(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate, maxWidth, style)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (fits(word, maxWidth, style)) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, maxWidth, style);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1];
  }
  if (line) lines.push(line);
  return lines;
}

/** A word too wide for a line, cut into pieces that fit (at least one character each). */
function breakWord(word: string, maxWidth: number, style: WrapStyle): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && !fits(piece + ch, maxWidth, style)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
