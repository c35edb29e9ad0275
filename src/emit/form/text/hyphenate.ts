/**
 * Where an Indonesian word may be broken across lines: its hyphenation points from the TeX patterns
 * for Indonesian (`hyphen` package, patterns/id), and after a hyphen it already has
 * ("Perundang-|undangan"). A word is broken only there, and shows a hyphen where it is broken.
 */
import hyphenator from 'hyphen/id/index.js';

const MARK = '\u0001';
const cache = new Map<string, string[]>();

/** The pieces of `word` between its break points, in order ("Ke", "pe", "ga", "wa", "i", "an"). */
export function syllables(word: string): string[] {
  let pieces = cache.get(word);
  if (pieces) return pieces;
  pieces = [];
  for (const part of word.split(/(?<=-)/)) for (const piece of partPieces(part)) pieces.push(piece);
  if (cache.size > 20_000) cache.clear();
  cache.set(word, pieces);
  return pieces;
}

const hyphenate = (text: string) => hyphenator.hyphenateSync(text, { hyphenChar: MARK, minWordLength: 4 }).split(MARK).filter(Boolean);

/**
 * The hyphenator copies the rest of a word at each of its letters (quadratic: 13 s for a title of
 * 50,000 letters). A break point depends only on the few letters around it (the longest Indonesian
 * pattern has 5), so a long part is hyphenated in windows, each keeping the break points in its
 * middle, away from the ends the window made.
 */
const WINDOW = 256;
const MARGIN = 16;

function partPieces(part: string): string[] {
  if (part.length <= WINDOW + 2 * MARGIN) return hyphenate(part);
  const breaks: number[] = [];
  for (let from = 0; from < part.length; from += WINDOW) {
    const start = Math.max(0, from - MARGIN);
    let at = start;
    for (const piece of hyphenate(part.slice(start, from + WINDOW + MARGIN))) {
      if (at > start && at >= from && at < from + WINDOW) breaks.push(at);
      at += piece.length;
    }
  }
  const pieces: string[] = [];
  let previous = 0;
  for (const at of [...breaks, part.length]) {
    pieces.push(part.slice(previous, at));
    previous = at;
  }
  return pieces.filter(Boolean);
}

/** The piece of a word that ends a line: with a hyphen, unless it already ends with one. */
export function lineEnd(piece: string): string {
  return piece.endsWith('-') ? piece : `${piece}-`;
}
