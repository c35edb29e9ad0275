import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { CorpusIndex, IndexEntry } from '../../src/resolve/corpus-index.js';
import { ReferenceTable, referenceParts, vagueReference } from '../../src/resolve/references.js';
import { editDistance } from '../../src/util/similarity.js';

// Property runs over generated references.
vi.setConfig({ testTimeout: 60_000 });

const entry = (title: string): IndexEntry => ({
  file: `${title}.sop`,
  title: { text: title } as IndexEntry['title'],
  identityMissing: false,
  references: [],
  directives: [],
  directiveLocations: [],
  fileStart: { line: 1, column: 1 } as IndexEntry['fileStart'],
});
const corpusOf = (titles: string[]): CorpusIndex => ({ entries: titles.map(entry) });

/** The plain definition of the suggestion: the nearest name by edit distance (first on a tie), within 30%. */
function naiveSuggest(titles: string[], externals: string[], text: string): string | undefined {
  const names = new Map<string, string>();
  const keyOf = (name: string) => referenceParts(name).whole;
  for (const t of titles) if (keyOf(t) && !names.has(keyOf(t)!)) names.set(keyOf(t)!, `SOP ${t}`);
  for (const e of externals) if (keyOf(e) && !names.has(keyOf(e)!)) names.set(keyOf(e)!, e);
  // A number alone ("SOP 13") is looked up, never guessed.
  if (referenceParts(text).title === undefined) return undefined;
  const key = keyOf(text)!;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const [candidate, canonical] of names) {
    if (/^\d+$/.test(candidate)) continue;
    const limit = Math.max(2, Math.floor(Math.max(key.length, candidate.length) * 0.3));
    let distance = editDistance(key, candidate);
    if (distance > limit && (candidate.includes(key) || key.includes(candidate)) && Math.min(key.length, candidate.length) >= 4) distance = limit;
    if (distance <= limit && distance < bestDistance) {
      best = canonical;
      bestDistance = distance;
    }
  }
  return best;
}

const word = fc.constantFrom('prosedur', 'kegiatan', 'nomor', 'surat', 'keluar', 'tim', 'produk', 'hukum', 'penetapan', '12', '13', '7', '1', 'sppd', 'arsip');
const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
/** A written reference: a title with typos (a deleted, doubled or changed character, a space joined or split). */
const typo = fc.tuple(title, fc.array(fc.tuple(fc.nat(40), fc.constantFrom('delete', 'double', 'change', 'space')), { maxLength: 3 })).map(([t, edits]) => {
  let text = t;
  for (const [at, kind] of edits) {
    const i = at % Math.max(1, text.length);
    if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
    else if (kind === 'double') text = text.slice(0, i) + text[i] + text.slice(i);
    else if (kind === 'change') text = `${text.slice(0, i)}x${text.slice(i + 1)}`;
    else text = `${text.slice(0, i)} ${text.slice(i)}`;
  }
  return `SOP ${text}`;
});

describe('ReferenceTable.suggest', () => {
  it('gives the nearest name, as a scan of every name would', () => {
    fc.assert(
      fc.property(
        fc.array(title, { maxLength: 30 }),
        fc.array(title, { maxLength: 3 }),
        fc.array(typo, { minLength: 1, maxLength: 8 }),
        (titles, externalTitles, written) => {
          // A vague name ("SOP prosedur", one word) cannot be declared: the table leaves it out.
          const externals = externalTitles.map((t) => `SOP ${t}`).filter((name) => !vagueReference(name));
          const table = new ReferenceTable(corpusOf(titles), externals);
          for (const text of written) {
            // Asked twice: the second answer comes from the table's memory of the first.
            expect(table.suggest(text)).toBe(naiveSuggest(titles, externals, text));
            expect(table.suggest(text)).toBe(naiveSuggest(titles, externals, text));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a one-letter slip among thousands of similar titles', () => {
    const titles = Array.from({ length: 5000 }, (_, i) => `Prosedur Kegiatan Nomor ${i}`);
    const table = new ReferenceTable(corpusOf(titles), ['SOP Surat Keluar']);
    expect(table.suggest('SOP Prosedur Kegiatn Nomor 4321')).toBe('SOP Prosedur Kegiatan Nomor 4321');
    expect(table.suggest('SOP Surat Kluar')).toBe('SOP Surat Keluar');
    expect(table.suggest('SOP Pengelolaan Arsip')).toBeUndefined();
  });

  it('on a tie, names the SOP that comes first in the corpus', () => {
    const table = new ReferenceTable(corpusOf(['Laporan Bulanan Kegiatan 13', 'Laporan Bulanan Kegiatan 12', 'Laporan Bulanan Kegiatan 14']), []);
    expect(table.suggest('SOP Laporan Bulanan Kegiatan 1x')).toBe('SOP Laporan Bulanan Kegiatan 13');
    expect(table.suggest('SOP Laporan Bulanan Kegiatan 2')).toBe('SOP Laporan Bulanan Kegiatan 12');
  });
});
