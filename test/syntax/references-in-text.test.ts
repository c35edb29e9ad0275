import { describe, expect, it } from 'vitest';
import { findReferences } from '../../src/ast/values.js';

const refs = (text: string) => findReferences({ text, span: { start: 0, end: text.length } }, (i) => i).map((r) => [r.text, r.kind]);

describe('SOP references in a cell', () => {
  it.each([
    [
      'SOP Surat Keluar, SOP SPPD',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP SPPD', 'title'],
      ],
    ],
    [
      'SOP Surat Keluar dan SOP Penetapan produk Hukum',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP Penetapan produk Hukum', 'title'],
      ],
    ],
    ['sesuai SOP-405/BKBPM.', [['SOP-405/BKBPM', 'number']]],
    [
      'SOP Surat Keluar/SOP SPPD',
      [
        ['SOP Surat Keluar', 'title'],
        ['SOP SPPD', 'title'],
      ],
    ],
    ['(SOP Surat Keluar)', [['SOP Surat Keluar', 'title']]],
    ['SOP Penetapan (Produk) Hukum', [['SOP Penetapan (Produk) Hukum', 'title']]],
    ['tidak ada rujukan', []],
  ])('%s', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it('spans each reference as written', () => {
    const text = 'lihat (SOP Surat Keluar)';
    const [ref] = findReferences({ text, span: { start: 0, end: text.length } }, (i) => i);
    expect(text.slice(ref.span.start, ref.span.end)).toBe('SOP Surat Keluar');
  });
});
