/**
 * The language server's book keeps its corpus phase incremental (src/lsp/corpus-phase.ts): after
 * every kind of edit its findings must be exactly those of a full run of `soplint check` over the
 * same texts, and typing inside a step must take the incremental path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/checker/run.js';
import { displayPath, findSopFiles } from '../../src/files.js';
import { Book } from '../../src/lsp/book.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { copyOfBook } from './client.js';

// The book's own external SOPs: an undeclared one would be an xref/not-in-book finding in one file
// with related places in others, which an edit of sop-405 then moves too.
const CONFIG = `preset: recommended
externalSops:
  - SOP Surat Keluar
  - SOP Pembentukan Tim
  - SOP SPPD
  - SOP Penetapan Produk Hukum
  - SOP Permintaan GU
`;

const book = copyOfBook(CONFIG);
afterAll(() => book.dispose());

const target = join(book.root, 'sops/sop-405.sop');
const original = readFileSync(target, 'utf8');

/** What `soplint check` finds in the book, with `buffers` in place of the files on disk. */
function fullRun(lsp: Book, buffers: Map<string, string>) {
  const files = findSopFiles([book.root], book.root).files;
  for (const absolute of buffers.keys()) if (!files.includes(absolute)) files.push(absolute);
  const inputs = files
    .map((absolute) => ({ path: displayPath(absolute, book.root), read: () => buffers.get(absolute) ?? readFileSync(absolute, 'utf8') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return checkCorpus(inputs, { config: lsp.config, rules: ALL_RULES }).diagnostics;
}

/** A finding as JSON, so that a moved location or fix shows in the diff. */
const shape = (ds: unknown[]) => ds.map((d) => JSON.stringify(d));

describe('the book of soplint lsp, checked incrementally', () => {
  const lsp = new Book(book.root);
  lsp.load();
  const buffers = new Map<string, string>();
  const edit = (absolute: string, text: string) => {
    buffers.set(absolute, text);
    lsp.setBuffer(absolute, text);
    return lsp.check();
  };
  const lines = original.split('\n');
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it('starts from the findings of a full run', () => {
    const first = lsp.check();
    expect(first.full).toBe(true);
    expect(shape(first.result.diagnostics)).toEqual(shape(fullRun(lsp, buffers)));
    // The file edited below has corpus findings with fixes after the edits: what must move along.
    const corpusFindings = first.byFile.get(target)!.filter((d) => /^(?:xref|corpus)\//.test(d.ruleId));
    expect(corpusFindings.length).toBeGreaterThan(1);
    expect(corpusFindings.some((d) => d.fix)).toBe(true);
  });

  const steps: [string, () => string, boolean][] = [
    ['a word typed in a Kegiatan (offsets after it move)', () => lines.map((l, i) => (i === at('7. [kaban]') ? `${l} segera` : l)).join('\n'), false],
    ['another word on the same line (no line moves)', () => lines.map((l, i) => (i === at('7. [kaban]') ? `${l} segera juga` : l)).join('\n'), false],
    [
      'a line added before the references (lines move)',
      () => lines.map((l, i) => (i === at('7. [kaban]') ? `  # catatan baru\n${l} segera` : l)).join('\n'),
      false,
    ],
    ['the text put back', () => original, false],
    ['a reference changed (the corpus rules run again)', () => original.replace('Keterangan: SOP surat keluar', 'Keterangan: SOP Surat Masuk'), true],
    [
      'a word typed after that',
      () => original.replace('Keterangan: SOP surat keluar', 'Keterangan: SOP Surat Masuk').replace('Pj. WALIKOTA', 'Pj. WALIKOTA KOTA'),
      false,
    ],
    [
      'a suppression written (its directive is part of the entry)',
      () =>
        original.replace(
          'Keterkaitan:\n  - SOP penetapan',
          'Keterkaitan:\n  # soplint-disable-next-line xref/name-mismatch -- as the source writes it\n  - SOP penetapan',
        ),
      true,
    ],
    [
      'a step typed under a suppression',
      () =>
        original
          .replace(
            'Keterkaitan:\n  - SOP penetapan',
            'Keterkaitan:\n  # soplint-disable-next-line xref/name-mismatch -- as the source writes it\n  - SOP penetapan',
          )
          .replace('Mempelajari telaahan', 'Mempelajari dengan teliti telaahan'),
      false,
    ],
  ];
  for (const [what, text, full] of steps) {
    it(`after ${what}: the same findings as soplint check`, () => {
      const check = edit(target, text());
      expect(check.full).toBe(full);
      expect(shape(check.result.diagnostics)).toEqual(shape(fullRun(lsp, buffers)));
      if (!full) {
        // The edited file, and only files whose findings point into it (their related locations moved).
        expect(check.changed.has(target)).toBe(true);
        for (const other of check.changed) {
          if (other !== target) expect(check.byFile.get(other)!.some((d) => d.related?.some((r) => r.file === 'sops/sop-405.sop'))).toBe(true);
        }
      }
    });
  }

  it('moves the related locations of another file that point into the edited one (duplicate numbers)', () => {
    // A second SOP with sop-405's number: duplicate-number findings in both, each naming the other.
    const twin = join(book.root, 'sops/sop-405b.sop');
    writeFileSync(twin, original.replace('Judul SOP: Pembuatan Draft SK Walikota', 'Judul SOP: Salinan Draft SK'));
    lsp.fileChangedOnDisk(twin, true);
    const added = edit(target, original);
    expect(added.full).toBe(true);
    const related = added.byFile.get(twin)!.filter((d) => d.related?.some((r) => r.file === 'sops/sop-405.sop'));
    expect(related.length).toBeGreaterThan(0);
    expect(shape(added.result.diagnostics)).toEqual(shape(fullRun(lsp, buffers)));

    const moved = edit(target, `# a comment on top\n${original}`);
    expect(moved.full).toBe(false);
    expect(shape(moved.result.diagnostics)).toEqual(shape(fullRun(lsp, buffers)));
    expect(moved.changed.has(twin)).toBe(true);
  });
});
