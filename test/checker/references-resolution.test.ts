/**
 * SOP references as offices write them: where a reference in prose ends, how it resolves (by number,
 * by title, by "number — title", against the book and its externalSops), and one piece of advice
 * for one misspelling.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../src/ast/values.js';
import { parseSop } from '../../src/ast/parse.js';
import { lintTexts } from '../../src/lint.js';
import { documentReferences, ReferenceTable } from '../../src/resolve/references.js';
import { fromRoot } from '../helpers/paths.js';
import { configFor, readCases } from '../helpers/rule-harness.js';

const refs = (text: string) => findReferences({ text, span: { start: 0, end: text.length } }, (i) => i).map((r) => [r.text, r.kind]);

describe('where a reference in prose ends', () => {
  it.each([
    // A sentence boundary: the full stop of "SOP 6." is not part of a title that runs on.
    ['SOP 6. Penugasan petugas mengikuti jadwal piket.', [['SOP 6', 'number']]],
    ['Sesuai SOP Surat Keluar. Berkas diarsipkan oleh JFU.', [['SOP Surat Keluar', 'title']]],
    ['Mengikuti SOP Pelayanan Pengaduan! Bila tidak lengkap, dikembalikan.', [['SOP Pelayanan Pengaduan', 'title']]],
    // ... but not an abbreviation or an initial.
    ['SOP No. 5 Tahun 2020', [['SOP No. 5 Tahun 2020', 'number']]],
    ['SOP Penandatanganan oleh Pj. Walikota', [['SOP Penandatanganan oleh Pj. Walikota', 'title']]],
    // A closing bracket the reference did not open; brackets it opens stay.
    ['Berkas diteruskan (lihat SOP Surat Keluar) dan dicatat.', [['SOP Surat Keluar', 'title']]],
    ['SOP Bulan Bakti Gotong Royong Masyarakat (BBGRM)', [['SOP Bulan Bakti Gotong Royong Masyarakat (BBGRM)', 'title']]],
    // A spaced slash, or a slash before the next reference; a slash inside a name or number stays.
    [
      'SOP Surat Keluar / SOP SPPD',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP SPPD', 'title'],
      ],
    ],
    [
      'SOP Surat Keluar/SOP SPPD',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP SPPD', 'title'],
      ],
    ],
    ['SOP Surat Keluar / arsip manual', [['SOP Surat Keluar', 'title']]],
    ['SOP Penyaluran Dana Posyandu/Dasawisma', [['SOP Penyaluran Dana Posyandu/Dasawisma', 'title']]],
    ['SOP-405/BKBPM.', [['SOP-405/BKBPM', 'number']]],
    // Lists.
    [
      'SOP 1 — Penyusunan Jadwal, SOP 4 dan SOP Surat Keluar',
      [
        ['SOP 1 — Penyusunan Jadwal', 'number'],
        ['SOP 4', 'number'],
        ['SOP Surat Keluar', 'title'],
      ],
    ],
    [
      'SOP 1 - Penyusunan Jadwal; SOP 405',
      [
        ['SOP 1 - Penyusunan Jadwal', 'number'],
        ['SOP 405', 'number'],
      ],
    ],
    [
      'SOP Surat Keluar serta SOP Penetapan produk Hukum',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP Penetapan produk Hukum', 'title'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it("leaves no sentence, bracket or list inside a reference of the book or of the offices' SOPs", () => {
    const folders = [fromRoot('sops'), fromRoot('test/fixtures/offices')];
    let count = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.sop'))) {
        const { document, source } = parseSop(readFileSync(`${folder}/${name}`, 'utf8'), name);
        for (const ref of documentReferences(document, source)) {
          count++;
          expect(ref.text, name).toMatch(/^SOP\b/i);
          expect(ref.text, name).not.toMatch(/[.!?]\s+\p{Lu}|[,;]|\s\/\s/u);
          expect((ref.text.match(/\(/g) ?? []).length, name).toBe((ref.text.match(/\)/g) ?? []).length);
        }
      }
    }
    expect(count).toBeGreaterThan(60);
  });
});

/** A book of three SOPs (an office that numbers its SOPs "SOP 1", "SOP 4"; one "SOP-405/BKBPM"). */
function book(): ReferenceTable {
  const files = readCases(fromRoot('test/rules/xref/unresolved/valid')).find((c) => c.name === 'by-number-and-title')!.files;
  const result = lintTexts(files, { config: configFor({ externalSops: ['SOP Surat Keluar'], externalInputs: [] }) });
  expect(result.fileCount).toBe(4);
  // The table the engine builds for the book, rebuilt here from the run's index.
  return new ReferenceTable(result.index, ['SOP Surat Keluar']);
}

describe('how a reference resolves', () => {
  const table = book();
  const fileOf = (text: string) => table.resolve(text)?.entry?.file;

  it('by number, with or without the unit code and leading zeros', () => {
    expect(fileOf('SOP 4')).toBe('by-number-and-title/acara.sop');
    expect(fileOf('SOP-004')).toBe('by-number-and-title/acara.sop');
    expect(fileOf('SOP-405/BKBPM')).toBe('by-number-and-title/kb.sop');
    expect(fileOf('SOP 405')).toBe('by-number-and-title/kb.sop');
    expect(fileOf('SOP 800/124/TU/IV/2015')).toBe('by-number-and-title/arsip.sop');
  });

  it('by title, in any case', () => {
    expect(fileOf('SOP Pelaksanaan Acara Pimpinan')).toBe('by-number-and-title/acara.sop');
    expect(fileOf('SOP pelaksanaan acara pimpinan')).toBe('by-number-and-title/acara.sop');
  });

  it('by "number — title", with any dash', () => {
    expect(fileOf('SOP 1 — Penyusunan Jadwal Kegiatan Pimpinan')).toBe('by-number-and-title/jadwal.sop');
    expect(fileOf('SOP 1 - Penyusunan Jadwal Kegiatan Pimpinan')).toBe('by-number-and-title/jadwal.sop');
    expect(fileOf('SOP 1 – Penyusunan Jadwal Kegiatan Pimpinan')).toBe('by-number-and-title/jadwal.sop');
    // The title alone settles it when the number is not the book's.
    expect(fileOf('SOP 9 — Penyusunan Jadwal Kegiatan Pimpinan')).toBe('by-number-and-title/jadwal.sop');
  });

  it('against the declared external SOPs, and not at all for an unknown number', () => {
    expect(table.resolve('SOP surat keluar')).toMatchObject({ kind: 'external', canonical: 'SOP Surat Keluar' });
    expect(table.resolve('SOP 99')).toBeUndefined();
    // A number alone is looked up, never guessed.
    expect(table.suggest('SOP 99')).toBeUndefined();
  });

  it('a title that itself starts with "SOP" (as some offices write it) is named once', () => {
    const text = readFileSync(fromRoot('test/fixtures/offices/lapas-rujukan-luar.sop'), 'utf8');
    const result = lintTexts([{ path: 'lapas.sop', text }], { config: configFor({ externalSops: [], externalInputs: [] }) });
    const own = new ReferenceTable(result.index, []);
    expect(own.resolve('SOP Pelayanan dan Perawatan Kesehatan Diluar Lapas')?.canonical).toBe('SOP PELAYANAN DAN PERAWATAN KESEHATAN DILUAR LAPAS');
  });
});

describe('one misspelling, one piece of advice', () => {
  const files = [
    {
      path: 'undangan.sop',
      text: [
        'Judul SOP: Penerbitan Undangan',
        'Keterkaitan:',
        '  - SOP Surat Keluar',
        'Prosedur: P',
        'Pelaksana:',
        '  jfu = JFU',
        '  1. [jfu] Mengetik undangan.',
        '     Keterangan: SOP Surat Keluar',
        '  2. [jfu] Mengirim undangan.',
        '     Keterangan: SOP Surat Kluar',
        '',
      ].join('\n'),
    },
  ];
  const result = lintTexts(files, { config: configFor({ externalSops: ['SOP Surat Keluar'], externalInputs: [] }) });
  const about = result.diagnostics.filter((d) => d.line === 10);

  it('xref/unresolved says which SOP is meant, and no rule advises adding the misspelling', () => {
    expect(about.map((d) => [d.ruleId, d.hint?.en])).toEqual([['xref/unresolved', "did you mean 'SOP Surat Keluar'?"]]);
    expect(result.diagnostics.some((d) => d.hint?.en.includes('Surat Kluar'))).toBe(false);
  });
});
