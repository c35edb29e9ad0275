/**
 * --fix undoes the slips it knows: take the bundled book with its certain fixes applied, make random
 * slips of those kinds in it, and fixing must give back exactly the text before the slips.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfigFile } from '../../src/configuration.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { fixTexts } from '../../src/fix.js';
import { filesIn, fromRoot } from '../helpers/paths.js';

// Property runs: hundreds of generated books each linted and fixed; seconds alone, minutes on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

/** Slips, each a regular expression over a line and how the slip writes the match. */
const SLIPS: { name: string; pattern: RegExp; slip: (match: RegExpExecArray) => string }[] = [
  { name: 'unit abbreviated', pattern: /(Waktu: \d+) menit$/m, slip: (m) => `${m[1]} mnt` },
  { name: 'number in words', pattern: /(Waktu: )1 (hari|jam)$/m, slip: (m) => `${m[1]}satu ${m[2]}` },
  { name: "step number with ')'", pattern: /^( {2}\d+)\. \[/m, slip: (m) => `${m[1]}) [` },
  { name: 'step number without its dot', pattern: /^( {2}\d+)\. \[/m, slip: (m) => `${m[1]} [` },
  { name: 'label mistyped', pattern: /^( +)Kelengkapan:/m, slip: (m) => `${m[1]}Kelengkapn:` },
  { name: 'SOP name in lower case', pattern: /SOP Surat Keluar/, slip: () => 'SOP surat keluar' },
  { name: 'date with dashes', pattern: /(Tanggal Pembuatan: )13 Oktober 2015/, slip: (m) => `${m[1]}13-10-2015` },
];

/** All places where a slip applies, across the book. */
function places(books: Map<string, string>) {
  const found: { file: string; slip: number; index: number; length: number; replacement: string }[] = [];
  for (const [file, text] of books) {
    SLIPS.forEach((slip, s) => {
      const global = new RegExp(slip.pattern.source, slip.pattern.flags.includes('g') ? slip.pattern.flags : `${slip.pattern.flags}g`);
      for (const m of text.matchAll(global)) {
        // Comments are not checked: a slip there is nobody's to fix.
        const lineStart = text.lastIndexOf('\n', m.index! - 1) + 1;
        if (text.slice(lineStart, m.index!).includes('#')) continue;
        found.push({ file, slip: s, index: m.index!, length: m[0].length, replacement: slip.slip(m as unknown as RegExpExecArray) });
      }
    });
  }
  return found;
}

describe('--fix gives back the text before a slip it knows', () => {
  let config: ResolvedConfig;
  let book: Map<string, string>;
  let candidates: ReturnType<typeof places>;

  beforeAll(async () => {
    config = loadConfigFile(fromRoot('.soplintrc.yaml'), fromRoot());
    // The book as --fix leaves it: what the slips are made in.
    const files = filesIn(fromRoot('sops'), '.sop').map((f) => ({ path: `sops/${basename(f)}`, text: readFileSync(f, 'utf8') }));
    await fixTexts(files, { config });
    book = new Map(files.map((f) => [f.path, f.text]));
    candidates = places(book);
  });

  it('finds places for every kind of slip in the book', () => {
    for (let s = 0; s < SLIPS.length; s++)
      expect(
        candidates.some((c) => c.slip === s),
        SLIPS[s].name,
      ).toBe(true);
  });

  // FIX_PROPERTY_RUNS=1500 for a longer search (passed 1,500 runs when written).
  it('restores the book exactly after up to three random slips in one file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async (picks) => {
        // Slips in one file, at distinct non-overlapping places, applied from the end.
        const file = candidates[picks[0] % candidates.length].file;
        const inFile = candidates.filter((c) => c.file === file);
        const chosen = [...new Map(picks.map((p) => inFile[p % inFile.length]).map((c) => [c.index, c])).values()].sort((a, b) => b.index - a.index);
        const kept = chosen.filter((c, i) => i === 0 || c.index + c.length <= chosen[i - 1].index);
        let text = book.get(file)!;
        for (const c of kept) text = text.slice(0, c.index) + c.replacement + text.slice(c.index + c.length);
        const files = [...book].map(([path, t]) => ({ path, text: path === file ? text : t }));
        await fixTexts(files, { config });
        expect(files.find((f) => f.path === file)!.text).toBe(book.get(file));
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 60) },
    );
  }, 600_000);
});
