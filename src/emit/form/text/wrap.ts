/**
 * Greedy line wrapping by measured width; a word wider than the line is broken at its Indonesian
 * hyphenation points, with a hyphen (hyphenate.ts).
 */
import { lineEnd, syllables } from './hyphenate.js';
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

/**
 * A word too wide for a line, broken at its hyphenation points into pieces that fit, each but the
 * last ending in a hyphen. Only a piece between two such points that is wider than the line by itself
 * is cut between characters (a long number or code: no pattern breaks it).
 */
function breakWord(word: string, maxWidth: number, style: WrapStyle): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const syllable of syllables(word)) {
    if (piece && !fits(lineEnd(piece + syllable), maxWidth, style)) {
      pieces.push(lineEnd(piece));
      piece = '';
    }
    if (!piece && !fits(lineEnd(syllable), maxWidth, style)) {
      const cut = cutBetweenCharacters(syllable, maxWidth, style);
      pieces.push(...cut.slice(0, -1));
      piece = cut[cut.length - 1];
      continue;
    }
    piece += syllable;
  }
  pieces.push(piece);
  return pieces;
}

function cutBetweenCharacters(text: string, maxWidth: number, style: WrapStyle): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (piece && !fits(piece + ch, maxWidth, style)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
