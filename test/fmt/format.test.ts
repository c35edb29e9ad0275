import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { formatSop } from '../../src/fmt/format.js';
import { documentShape, findingShape, formatVerified } from '../../src/fmt/verify.js';
import { expectGolden } from '../helpers/golden.js';

const golden = (name: string) => join(__dirname, 'golden', name);

describe('formatSop', () => {
  const messy = readFileSync(golden('messy.sop'), 'utf8');

  it('writes a messy SOP in the canonical layout', () => {
    expectGolden(golden('messy.formatted.sop'), formatSop(messy));
  });

  it('keeps the document, the syntax findings and is a fixed point', () => {
    const once = formatSop(messy);
    expect(formatSop(once)).toBe(once);
    expect(documentShape(parseSop(once))).toBe(documentShape(parseSop(messy)));
    expect(findingShape(parseSop(once))).toEqual(findingShape(parseSop(messy)));
    expect(parseSop(messy).diagnostics).toEqual([]);
  });

  it('keeps CRLF line ends and the BOM', () => {
    const crlf = '\uFEFF' + messy.replace(/\n/g, '\r\n');
    const out = formatSop(crlf);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out).toBe('\uFEFF' + formatSop(messy).replace(/\n/g, '\r\n'));
  });

  it('wraps at the width given and never splits a line where the rest would read as a label or a step', () => {
    const text =
      'Prosedur: Uji\nPelaksana:\n  a = A\n  1. [a] Menerima berkas lalu mencatat 2. langkah berikut Waktu: bukan label dan - bukan daftar\n     Waktu: 1 jam\n';
    for (const width of [40, 50, 60, 70]) {
      const out = formatSop(text, { width });
      expect(documentShape(parseSop(out))).toBe(documentShape(parseSop(text)));
      expect(formatSop(out, { width })).toBe(out);
      expect(out.split('\n').length).toBeGreaterThan(text.split('\n').length);
      // No new line starts with what the parser would read as a label, a step number or a list item.
      for (const line of out.split('\n').filter((l) => l.startsWith('         ')))
        expect(line.trim()).not.toMatch(/^(?:Waktu:|2\.|- |berikut Waktu:|langkah berikut Waktu:)/);
    }
    expect(formatSop(text, { width: 50 }).split('\n').slice(3, 6)).toEqual([
      '  1. [a] Menerima berkas lalu',
      '         mencatat 2. langkah berikut Waktu: bukan',
      '         label dan - bukan daftar',
    ]);
  });

  it('never starts a new line with a word the parser would read another way', () => {
    const starts = [
      'Hasil: x',
      'No. Urut: 3',
      'kabid = Kabid',
      'kasubbid pe = Kasubbid',
      '12. [a] x',
      '2) [a] x',
      'x. [a] x',
      '2 [a] x',
      '- x',
      '# x',
      '-> 3',
      'Kelengkapn: x',
    ];
    for (const start of starts) {
      const text = `Prosedur: Uji\nPelaksana:\n  a = A\n  1. [a] Menerima berkas permohonan dari pemohon ${start} dan seterusnya\n     Waktu: 1 jam\n`;
      for (const width of [40, 50, 60, 70, 80]) {
        const out = formatSop(text, { width });
        expect(documentShape(parseSop(out))).toBe(documentShape(parseSop(text)));
        expect(findingShape(parseSop(out))).toEqual(findingShape(parseSop(text)));
        expect(out.split('\n').some((line) => line.trim().startsWith(start.split(' ')[0]))).toBe(false);
      }
    }
  });

  it('does not wrap a line that a soplint-disable-next-line comment covers alone', () => {
    const long = 'Peringatan: Jika tidak dilaksanakan maka izin terlambat diterbitkan dan pemohon dirugikan karenanya';
    const text = `# soplint-disable-next-line identity/x -- uji\n${long}\nProsedur: Uji\nPelaksana:\n  a = A\n  1. [a] Menerima\n`;
    expect(formatSop(text, { width: 40 }).split('\n')[1]).toBe(long);
    expect(formatSop(text.replace(/^#.*\n/, ''), { width: 40 }).split('\n')[0].length).toBeLessThanOrEqual(40);
  });

  it('formatVerified gives the wrapped layout when it reads as the same SOP', () => {
    expect(formatVerified(messy)).toBe(formatSop(messy));
    expect(formatVerified(messy, { width: 40 })).toBe(formatSop(messy, { width: 40 }));
    const once = formatSop(messy);
    expect(formatVerified(once)).toBe(once);
  });

  it('keeps text that is already canonical as it is', () => {
    const once = formatSop(messy);
    expect(formatSop(once, { width: 100 })).toBe(once);
  });
});
