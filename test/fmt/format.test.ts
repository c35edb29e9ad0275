import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { formatSop } from '../../src/fmt/format.js';
import { documentShape, findingShape } from '../../src/fmt/verify.js';
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
      for (const line of out.split('\n')) expect(line.length <= width || !line.trim().includes(' ')).toBe(true);
    }
  });

  it('keeps text that is already canonical as it is', () => {
    const once = formatSop(messy);
    expect(formatSop(once, { width: 100 })).toBe(once);
  });
});
