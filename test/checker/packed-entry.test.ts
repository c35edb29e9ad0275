import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checker/file-phase.js';
import { defaultConfig } from '../../src/configuration.js';
import type { IndexEntry } from '../../src/resolve/corpus-index.js';
import { EntryStore, packEntry } from '../../src/resolve/packed-entry.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { FileRule } from '../../src/rules/rule.js';
import { fromRoot } from '../helpers/paths.js';

const fileRules = ALL_RULES.filter((rule): rule is FileRule => rule.meta.scope === 'file');

function entryOf(path: string, text: string): IndexEntry {
  const { entry } = checkFile(path, () => text, defaultConfig(), fileRules);
  if (!entry) throw new Error(`no entry for ${path}`);
  return entry;
}

/** Every field an entry has, read through its getters, as plain data. */
function plain(e: IndexEntry) {
  const content = e.content && { subjects: e.content.subjects, actorLabels: e.content.actorLabels, cells: e.content.cells };
  return structuredClone({
    file: e.file,
    number: e.number,
    numberDigits: e.numberDigits,
    unitCode: e.unitCode,
    title: e.title,
    identityMissing: e.identityMissing,
    references: e.references,
    directives: e.directives,
    directiveLocations: e.directiveLocations,
    fileStart: e.fileStart,
    keterkaitanEnd: e.keterkaitanEnd,
    content,
  });
}

describe('packed index entries', () => {
  it('read back exactly as phase 1 made them, for every SOP of the book', () => {
    const store = new EntryStore();
    const book = readdirSync(fromRoot('sops')).filter((f) => f.endsWith('.sop'));
    expect(book.length).toBeGreaterThan(10);
    for (const name of book) {
      const entry = entryOf(`sops/${name}`, readFileSync(fromRoot(`sops/${name}`), 'utf8'));
      const packed = packEntry(entry, store);
      expect(packed).not.toBe(entry);
      expect(plain(packed)).toEqual(plain(entry));
    }
    expect(store.bytes).toBeGreaterThan(0);
  });

  it('keep what does not fit in 32 bits, and missing fields, as they are', () => {
    const store = new EntryStore();
    const text =
      'Judul SOP: Tanpa Nomor\nProsedur: Satu\nPelaksana:\n  a = Kasubbid PE & PKM\n  1. [a] Menyusun konsep kepada Kasubbid PE lalu selesai.\n     Output: Konsep\n  # soplint-disable-next-line step/waktu -- belum diisi\n  99999999999. [a] Selesai.\n     Output: Laporan\n';
    const entry = entryOf('odd.sop', text);
    expect(entry.number).toBeUndefined();
    expect(entry.directives.length).toBe(1);
    expect(entry.content?.cells.some((c) => c.stepNumber === 99999999999)).toBe(true);
    expect(packEntry(entry, store) === entry).toBe(true); // a step number past 2^27: not packed
    const small = entryOf('odd.sop', text.replace('99999999999.', '2.'));
    expect(plain(packEntry(small, store))).toEqual(plain(small));
    // Past 65,535 (offsets after a long comment), and texts beyond Latin-1 (kept as UTF-16).
    const far = entryOf('far.sop', `# ${'x'.repeat(70_000)}\n${text.replace('99999999999.', '2.').replace('Tanpa Nomor', 'Tanpa Nomor — Ω')}`);
    expect(far.title?.location.offset).toBeGreaterThan(70_000);
    expect(far.title?.text).toContain('Ω');
    const packed = packEntry(far, store);
    expect(packed === far).toBe(false);
    expect(plain(packed)).toEqual(plain(far));
  });
});
