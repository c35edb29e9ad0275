import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { artifactSimilarity } from '../../src/resolve/artifacts.js';
import { characterCounts, editDistance, editDistanceLowerBound, normalizeWords } from '../../src/util/similarity.js';

// Property runs against a textbook Levenshtein oracle.
vi.setConfig({ testTimeout: 60_000 });

/** Textbook optimal string alignment distance (Levenshtein plus swaps of neighbours), the oracle. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const words = fc
  .array(fc.constantFrom('surat', 'telaahan', 'kegiatan', 'usulan', 'nota', 'dinas', 'kabid', 'disposisi', 'a', ''), { maxLength: 12 })
  .map((w) => w.join(' '));

describe('editDistance', () => {
  it('gives known distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('telaahan', 'telaahan')).toBe(0);
    // A swap of neighbours is one edit, not two.
    expect(editDistance('telahaan', 'telaahan')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('stops at the limit and says so with limit + 1', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('agrees with the textbook algorithm, also past its reused rows (long strings)', () => {
    fc.assert(
      fc.property(words, words, fc.nat(30), (a, b, limit) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 }),
        fc.nat(6),
        (a, b, limit) => {
          const exact = reference(a, b);
          expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
        },
      ),
      { numRuns: 2000 },
    );
    const long = 'x'.repeat(150);
    expect(editDistance(long, `${long}yz`)).toBe(2);
  });
});

describe('artifactSimilarity', () => {
  it('with a floor, gives the full score when it reaches the floor and 0 otherwise', () => {
    fc.assert(
      fc.property(words, words, fc.constantFrom(0.3, 0.5, 0.8), (a, b, floor) => {
        const full = artifactSimilarity(a, b);
        expect(artifactSimilarity(a, b, floor)).toBeCloseTo(full >= floor ? full : 0, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('scores a near miss above an unrelated document', () => {
    expect(artifactSimilarity('telaahan kegiatan', 'telahan kegiatan')).toBeGreaterThan(0.9);
    expect(artifactSimilarity('telaahan kegiatan', 'surat undangan')).toBeLessThan(0.5);
  });
});

describe('editDistanceLowerBound', () => {
  it('never exceeds the edit distance, so it can only skip names that are too far', () => {
    fc.assert(
      fc.property(words, fc.string({ maxLength: 40 }), (a, b) => {
        expect(editDistanceLowerBound(characterCounts(a), characterCounts(b))).toBeLessThanOrEqual(reference(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart names made of different letters', () => {
    expect(editDistanceLowerBound(characterCounts('surat keluar'), characterCounts('pembentukan tim'))).toBeGreaterThan(3);
  });
});

describe('normalizeWords', () => {
  it('gives what the Unicode rule gives, for ASCII and other text alike', () => {
    const unicodeRule = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}&]+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), words), (text) => {
        expect(normalizeWords(text)).toBe(unicodeRule(text));
        expect(normalizeWords(text)).toBe(normalizeWords(text)); // remembered: same answer
      }),
      { numRuns: 500 },
    );
    expect(normalizeWords('Telaahan  Kegiatan.')).toBe('telaahan kegiatan');
    expect(normalizeWords('Naskah Dinas (Kabid PE & PKM)')).toBe('naskah dinas kabid pe & pkm');
    expect(normalizeWords('Évaluasi – tahap Ⅱ')).toBe('évaluasi tahap ⅱ');
  });
});
