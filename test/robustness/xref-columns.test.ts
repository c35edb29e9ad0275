/**
 * xref findings on references in list items that go on over continuation lines: the reference was
 * found in the item's joined text, and its columns fell short by the line break and indentation
 * skipped, or past the end of their line (issue 19: 16 findings of xref/unresolved and
 * xref/unused-keterkaitan on fuzzed inputs). Each is now where it is written, for every xref rule
 * (a book of one file reports its references as xref/not-in-book).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/diagnostics/source.js';
import { lintTexts } from '../../src/lint.js';
import { fromRoot } from '../helpers/paths.js';
import { spanProblem } from './fuzz-harness.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

function xrefFindings(text: string) {
  const source = new SourceFile('x.sop', text);
  const findings = lintTexts([{ path: 'x.sop', text }]).diagnostics.filter((d) => d.ruleId.startsWith('xref/'));
  return { source, findings };
}

describe('xref columns on continued list items', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ]) {
    it(`a second reference on a continuation line (${name})`, () => {
      const text = CLEAN.replace('  - SOP Surat Keluar\n', `  - SOP Penetapan Produk Hukum dan${eol}      SOP Tata Naskah Dinas\n`)
        .replace(/\n/g, eol)
        .replace(/\r\r/g, '\r');
      const { source, findings } = xrefFindings(text);
      const unresolved = findings.filter((d) => d.message.en.includes('Tata Naskah'));
      expect(unresolved.length).toBeGreaterThan(0);
      for (const d of findings) expect(spanProblem(d, source), `${d.ruleId} ${d.message.en}`).toBeUndefined();
      for (const d of unresolved) {
        expect(source.lineText(d.line).slice(d.column - 1, d.endColumn - 1)).toBe('SOP Tata Naskah Dinas');
        expect(text.slice(d.offset, d.endOffset)).toBe('SOP Tata Naskah Dinas');
      }
    });
  }

  it('a reference broken over two lines spans both, each end on its line', () => {
    const text = CLEAN.replace('  - SOP Surat Keluar\n', '  - Lihat juga SOP Penetapan\n      Produk Hukum\n');
    const { source, findings } = xrefFindings(text);
    const d = findings.find((f) => f.message.en.includes('Penetapan'));
    expect(d).toBeDefined();
    expect(spanProblem(d!, source)).toBeUndefined();
    expect(d!.endLine).toBe(d!.line + 1);
    expect(text.slice(d!.offset, d!.endOffset)).toBe('SOP Penetapan\n      Produk Hukum');
  });

  it('a fuzzed book file whose reference starts between a CR and its LF (bench/fuzz.mjs, case 19948)', () => {
    const text = readFileSync(fromRoot('test/robustness/fixtures/fuzz-19948.sop'), 'utf8');
    const { source, findings } = xrefFindings(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const d of findings) expect(spanProblem(d, source), d.ruleId).toBeUndefined();
  });

  it('the fuzzed inputs that gave columns outside their line', () => {
    // Shapes of the fuzz failures: a reference after a CR LF, a BOM and tabs in a continued item.
    for (const item of [
      '  - .SOP-\r\n    SOP-SOP',
      '  -   serta  Penetapan dan \n  - ;\r\n\ufeffSOP\u2028 dan Penetapan\ufeff\r\nSurat Keluar',
      '  -   serta  lihat \r\n    :SOP  #No. \ufeff',
      '  - a SOP x,\n\tSOP y\t\n    dan SOP z',
    ]) {
      const text = CLEAN.replace('  - SOP Surat Keluar', item);
      const { source, findings } = xrefFindings(text);
      for (const d of findings) expect(spanProblem(d, source), `${JSON.stringify(item)} ${d.ruleId}`).toBeUndefined();
    }
  });
});
