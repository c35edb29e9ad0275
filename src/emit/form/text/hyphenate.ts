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
  for (const part of word.split(/(?<=-)/)) {
    pieces.push(...hyphenator.hyphenateSync(part, { hyphenChar: MARK, minWordLength: 4 }).split(MARK).filter(Boolean));
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(word, pieces);
  return pieces;
}

/** The piece of a word that ends a line: with a hyphen, unless it already ends with one. */
export function lineEnd(piece: string): string {
  return piece.endsWith('-') ? piece : `${piece}-`;
}
