import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../../src/lint.js';
import { parseSop } from '../../src/ast/parse.js';
import { fromRoot } from '../helpers/paths.js';

const text = readFileSync(fromRoot('test/syntax/err/numbered-list.sop'), 'utf8');

describe('a list numbered as on paper', () => {
  const { document } = parseSop(text, 'numbered-list.sop');

  it('is read as the items of the list above it', () => {
    expect(document.identity.dasarHukum?.items.map((i) => i.text)).toEqual([
      'Undang-undang Nomor 23 Tahun 2002 tentang Perlindungan Anak',
      'Peraturan Walikota Banjarmasin',
    ]);
    // A list whose first item is on the label's line goes on with the numbered lines below it.
    expect(document.identity.peralatan?.items.map((i) => i.text)).toEqual(['Komputer', 'Printer']);
    const [first] = document.procedures[0].steps;
    expect(first.kelengkapan?.items.map((i) => i.text)).toEqual(['Surat permohonan', 'KTP']);
    // The fields written after the numbered items still belong to the step above them.
    expect(first.waktu?.text?.text).toBe('1 jam');
    expect(first.output?.text?.text).toBe('Berkas permohonan');
  });

  it('leaves a numbered line as deep as the step numbers a step', () => {
    expect(document.procedures[0].steps.map((s) => s.number)).toEqual([1, 2, 3]);
  });

  it('gives one finding per numbered line and nothing that cascades from it', () => {
    const findings = lintTexts([{ path: 'numbered-list.sop', text }]).diagnostics;
    const at = (line: number) => findings.filter((d) => d.line === line).map((d) => d.ruleId);
    for (const line of [5, 6, 11, 17, 18]) expect(at(line)).toEqual(['syntax/misplaced-line']);
    expect(findings.map((d) => d.ruleId)).not.toContain('step/numbering-duplicate');
    expect(findings.filter((d) => d.ruleId === 'identity/required-field' && d.message.en.includes('Dasar Hukum'))).toEqual([]);
  });
});
