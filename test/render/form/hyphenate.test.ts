/**
 * A long word is hyphenated in windows (hyphenate.ts: the hyphenator is quadratic in a word's
 * length); the break points must be the ones the hyphenator gives for the whole word.
 */
import hyphenator from 'hyphen/id/index.js';
import { describe, expect, it } from 'vitest';
import { syllables } from '../../../src/emit/form/text/hyphenate.js';

const whole = (word: string) =>
  word.split(/(?<=-)/).flatMap((part) => hyphenator.hyphenateSync(part, { hyphenChar: '\u0001', minWordLength: 4 }).split('\u0001').filter(Boolean));

describe('hyphenation of long words', () => {
  it('breaks a long word where the hyphenator breaks it whole', () => {
    // A fixed linear congruential sequence: the same words on every run.
    let state = 19;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const letters = 'aeiouaeioubcdgkhlmnprstwyzBKNS.,()/-';
    const words = ['pelayanan'.repeat(60), 'Pertanggungjawaban'.repeat(30), 'ekstra-ordiner'.repeat(30), 'x'.repeat(1000)];
    for (let n = 0; n < 40; n++) {
      let word = '';
      const length = 250 + Math.floor(random() * 900);
      for (let i = 0; i < length; i++) word += letters[Math.floor(random() * letters.length)];
      words.push(word);
    }
    for (const word of words) expect(syllables(word), word.slice(0, 40)).toEqual(whole(word));
  });

  it('keeps every letter of a word of 50,000 letters', () => {
    const word = 'penyelenggaraan'.repeat(3334);
    const pieces = syllables(word);
    expect(pieces.join('')).toBe(word);
    expect(pieces.length).toBeGreaterThan(word.length / 5);
  });
});
