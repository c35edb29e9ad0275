/**
 * An Indonesian stemmer after Tala's algorithm (2003), the one the Snowball project publishes as its
 * Indonesian stemmer: particles (-kah, -lah, -pun), possessives (-ku, -mu, -nya), first-order prefixes
 * (meng-, meny-, men-, mem-, me-, peng-, peny-, pen-, pem-, di-, ter-, ke-), second-order prefixes
 * (per-, pe-, ber-, be-) and suffixes (-kan, -an, -i), each removed only while the word keeps more
 * than two syllables. "ditandatangani" → "tandatangan", "dipertimbangkan" → "timbang".
 *
 * One addition to Tala's rules: men- and pen- before a vowel restore the t that Indonesian drops
 * (menelaah and telaahan must meet at "telaah").
 *
 * Why our own: the registry's Snowball builds (snowball-stemmers 0.6) ship no Indonesian, and the
 * dictionary-based Sastrawi port pulls Babel 6 with install scripts and a 900 KB word list into a
 * tool that must start fast. Tala's rules need no dictionary; they over-stem some words
 * ("penandatanganan" → "andatanganan"), but the same way on both sides of a comparison, which is
 * all the chain rules ask of them.
 */

import { ownCopy } from './own-copy.js';

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

function syllables(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) if (isVowel(word[i])) count++;
  return count;
}

type Affixed = { word: string; prefix: number } | null;

/** Prefix kinds, as the algorithm numbers them: they decide which suffixes may go. */
const DI_MENG_TER = 1;
const PE_PER = 2;
const KE_PENG = 3;
const BER = 4;

function removeFirstOrderPrefix(word: string): Affixed {
  const next = (n: number) => word[n];
  if (word.startsWith('meng')) return { word: word.slice(4), prefix: DI_MENG_TER };
  if (word.startsWith('meny') && isVowel(next(4))) return { word: `s${word.slice(4)}`, prefix: DI_MENG_TER };
  if (word.startsWith('mem')) return { word: isVowel(next(3)) ? `p${word.slice(3)}` : word.slice(3), prefix: DI_MENG_TER };
  // men- and pen- before a vowel stand for a dropped t: menelaah → telaah, penetapan → tetap.
  if (word.startsWith('men')) return { word: isVowel(next(3)) ? `t${word.slice(3)}` : word.slice(3), prefix: DI_MENG_TER };
  if (word.startsWith('me')) return { word: word.slice(2), prefix: DI_MENG_TER };
  if (word.startsWith('peng')) return { word: word.slice(4), prefix: KE_PENG };
  if (word.startsWith('peny') && isVowel(next(4))) return { word: `s${word.slice(4)}`, prefix: KE_PENG };
  if (word.startsWith('pem')) return { word: isVowel(next(3)) ? `p${word.slice(3)}` : word.slice(3), prefix: KE_PENG };
  if (word.startsWith('pen')) return { word: isVowel(next(3)) ? `t${word.slice(3)}` : word.slice(3), prefix: KE_PENG };
  if (word.startsWith('di')) return { word: word.slice(2), prefix: DI_MENG_TER };
  if (word.startsWith('ter')) return { word: word.slice(3), prefix: DI_MENG_TER };
  if (word.startsWith('ke')) return { word: word.slice(2), prefix: KE_PENG };
  return null;
}

function removeSecondOrderPrefix(word: string): Affixed {
  if (word.startsWith('pelajar')) return { word: word.slice(3), prefix: PE_PER };
  if (word.startsWith('per')) return { word: word.slice(3), prefix: PE_PER };
  if (word.startsWith('pe')) return { word: word.slice(2), prefix: PE_PER };
  if (word.startsWith('belajar')) return { word: word.slice(3), prefix: BER };
  if (word.startsWith('ber')) return { word: word.slice(3), prefix: BER };
  // be- only before a consonant and "er": bekerja → kerja.
  if (word.startsWith('be') && word.length > 4 && !isVowel(word[2]) && word.slice(3, 5) === 'er') return { word: word.slice(2), prefix: BER };
  return null;
}

function removeSuffix(word: string, prefix: number): string | null {
  if (word.endsWith('kan') && prefix !== KE_PENG && prefix !== PE_PER) return word.slice(0, -3);
  if (word.endsWith('an') && prefix !== DI_MENG_TER) return word.slice(0, -2);
  if (word.endsWith('i') && prefix <= PE_PER && !word.endsWith('si')) return word.slice(0, -1);
  return null;
}

const stems = new Map<string, string>();

/**
 * The stem of one lower-case word. Words of one or two syllables are returned as they are. The same
 * words recur in every SOP of a book: each is stemmed once per run and remembered.
 */
export function stemIndonesian(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemOf(word);
    // Bounded: forgetting every word costs one stemming each. Own copies: a slice would keep its file.
    if (stems.size >= 50_000) stems.clear();
    stems.set(ownCopy(word), stem === word ? stem : ownCopy(stem));
  }
  return stem;
}

function stemOf(word: string): string {
  let measure = syllables(word);
  if (measure <= 2) return word;
  let stem = word;
  for (const particle of ['kah', 'lah', 'pun']) {
    if (stem.endsWith(particle)) {
      stem = stem.slice(0, -particle.length);
      measure--;
      break;
    }
  }
  if (measure > 2) {
    for (const possessive of ['nya', 'ku', 'mu']) {
      if (stem.endsWith(possessive)) {
        stem = stem.slice(0, -possessive.length);
        measure--;
        break;
      }
    }
  }
  if (measure <= 2) return stem;
  const first = removeFirstOrderPrefix(stem);
  if (first) {
    stem = first.word;
    measure--;
    if (measure > 2) {
      const unsuffixed = removeSuffix(stem, first.prefix);
      if (unsuffixed !== null) {
        stem = unsuffixed;
        measure--;
      }
    }
    if (measure > 2) {
      const second = removeSecondOrderPrefix(stem);
      if (second) stem = second.word;
    }
    return stem;
  }
  let prefix = 0;
  const second = removeSecondOrderPrefix(stem);
  if (second) {
    stem = second.word;
    prefix = second.prefix;
    measure--;
  }
  if (measure > 2) stem = removeSuffix(stem, prefix) ?? stem;
  return stem;
}
