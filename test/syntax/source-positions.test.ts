import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/diagnostics/source.js';

describe('SourceFile line and column', () => {
  const cases = { '\\n': '\n', '\\r\\n': '\r\n', '\\r': '\r' };
  for (const [name, end] of Object.entries(cases)) {
    it(`counts lines ended by ${name}`, () => {
      const text = ['satu', '', 'tiga', 'empat'].join(end);
      const source = new SourceFile('x.sop', text);
      expect(source.lineCount).toBe(4);
      expect(source.positionAt(text.indexOf('tiga'))).toEqual({ line: 3, column: 1 });
      expect(source.positionAt(text.indexOf('pat'))).toEqual({ line: 4, column: 3 });
      expect(source.lineText(1)).toBe('satu');
      expect(source.lineText(2)).toBe('');
      expect(source.lineText(4)).toBe('empat');
    });
  }

  it('counts mixed line ends, a trailing line end and offsets past the end', () => {
    const text = 'a\r\nb\rc\nd\n';
    const source = new SourceFile('x.sop', text);
    expect(source.lineCount).toBe(5);
    expect(['a', 'b', 'c', 'd'].map((ch) => source.positionAt(text.indexOf(ch)).line)).toEqual([1, 2, 3, 4]);
    expect(source.positionAt(text.length + 10)).toEqual({ line: 5, column: 1 });
  });

  it('does not count a byte order mark as a column, nor show it as part of line 1', () => {
    const text = '\uFEFFTanggal: 32 Oktober\nb';
    const source = new SourceFile('x.sop', text);
    expect(source.positionAt(text.indexOf('32'))).toEqual({ line: 1, column: 10 });
    expect(source.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(source.lineText(1)).toBe('Tanggal: 32 Oktober');
    expect(source.positionAt(text.indexOf('\nb') + 1)).toEqual({ line: 2, column: 1 });
  });
});
