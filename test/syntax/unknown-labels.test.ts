import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { filesIn, fromRoot } from '../helpers/paths.js';

const unknownLabel = (text: string) => parseSop(text, 'x.sop').diagnostics.filter((d) => d.ruleId === 'syntax/unknown-label');

describe('a line shaped like a label that is none of the language', () => {
  it('is left out of the field above, with its own list items and continuation lines', () => {
    const { document } = parseSop(readFileSync(fromRoot('test/syntax/err/unknown-labels.sop'), 'utf8'), 'x.sop');
    expect(document.identity.judul?.text?.text).toBe('Label yang tidak dikenal');
    expect(document.identity.judul?.items).toEqual([]);
    const [one, two] = document.procedures[0].steps;
    expect(one.kegiatan.text).toBe('Menerima berkas');
    expect(two.waktu?.text?.text).toBe('1 jam');
    expect(two.waktu?.duration).toEqual({ amount: 1, unit: 'jam' });
  });

  it("is caught at the labels' indentation and not when indented deeper or continuing a sentence", () => {
    const step = (line: string, above = 'Menerima berkas') => `Prosedur: P\n  1. [a] ${above}\n${line}\n     Waktu: 1 jam\n`;
    expect(unknownLabel(step('     Hasil: Berkas'))).toHaveLength(1);
    expect(unknownLabel(step('  Hasil: Berkas'))).toHaveLength(1);
    expect(unknownLabel(step('     HASIL AKHIR: Berkas'))).toHaveLength(1);
    expect(unknownLabel(step('        Hasil: Berkas'))).toEqual([]);
    expect(unknownLabel(step('     Kepala Seksi: untuk diperiksa', 'Menyerahkan kepada'))).toEqual([]);
    expect(unknownLabel(step('     Kepala Seksi: untuk diperiksa', 'Menyerahkan berkas,'))).toEqual([]);
    expect(unknownLabel(step('     hasil: Berkas'))).toEqual([]);
    expect(unknownLabel(step('     Surat yang masuk hari ini dicatat: nomor'))).toEqual([]);
    expect(unknownLabel(step('     Pukul 10:30 surat diantar'))).toEqual([]);
    expect(unknownLabel(step('     Selesai. Catatan: arsip'))).toEqual([]);
  });

  it('names the labels allowed at its place', () => {
    const [inStep] = unknownLabel('Prosedur: P\n  1. [a] Menerima\n     Hasil: x\n     Waktu: 1 jam\n');
    expect(inStep.hint?.en).toMatch(/labels under a step: Kelengkapan, Waktu, Output, Keterangan, Catatan/);
    const [onSheet] = unknownLabel('Judul SOP: X\nSasaran: y\n');
    expect(onSheet.hint?.en).toMatch(/labels on the identity sheet: Instansi, .*Tujuan/);
    expect(onSheet.fix).toBeUndefined();
    const [typo] = unknownLabel('Judul SOP: X\nTujuna: y\n');
    expect(typo.hint?.en).toMatch(/^did you mean 'Tujuan:'\?/);
    expect(typo.fix?.text).toBe('Tujuan:');
  });

  it('finds nothing in the bundled book', () => {
    for (const file of filesIn(fromRoot('sops'), '.sop')) expect(unknownLabel(readFileSync(file, 'utf8')), file).toEqual([]);
  });
});
