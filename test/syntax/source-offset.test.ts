import { describe, expect, it } from 'vitest';
import { sourceOffsetOf } from '../../src/ast/values.js';
import { parseSop } from '../../src/ast/parse.js';

describe('sourceOffsetOf: a character of a Kegiatan written over several lines, in the source', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`finds it on a continuation line (${JSON.stringify(eol)})`, () => {
      const text = ['Prosedur: P', 'Pelaksana:', '  a = A', '  1. [a] Membuat telaahan dan', '         meneruskan kepada  Kabid.', ''].join(eol);
      const kegiatan = parseSop(text).document.procedures[0].steps[0].kegiatan;
      expect(kegiatan.text).toBe('Membuat telaahan dan meneruskan kepada  Kabid.');
      for (const word of ['Membuat', 'dan', 'meneruskan', 'Kabid']) {
        const at = sourceOffsetOf(text, kegiatan, kegiatan.text.indexOf(word));
        expect(text.slice(at, at + word.length)).toBe(word);
      }
    });
  }

  it('falls back to the start of the value where the text and the source part (a comment between its lines)', () => {
    const text = 'Prosedur: P\nPelaksana:\n  a = A\n  1. [a] Membuat telaahan\n  # catatan\n         dan meneruskan.\n';
    const kegiatan = parseSop(text).document.procedures[0].steps[0].kegiatan;
    expect(kegiatan.text).toBe('Membuat telaahan dan meneruskan.');
    expect(sourceOffsetOf(text, kegiatan, kegiatan.text.indexOf('telaahan'))).toBe(text.indexOf('telaahan'));
    expect(sourceOffsetOf(text, kegiatan, kegiatan.text.indexOf('meneruskan'))).toBe(kegiatan.span.start);
  });
});
