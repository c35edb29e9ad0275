import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../../src/lint.js';
import { fromRoot } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('phase 1 keeps only what later phases need', () => {
  it('does not keep the text of checked files alive through titles, references or messages', () => {
    const base = readFileSync(fromRoot('sops/sop-506.sop'), 'utf8');
    // 40 files of ~250 KB each (a long comment), each its own string: 10 MB, if anything kept them.
    const text = (i: number) => Buffer.from(`${base.replace('Temu Forum Anak', `Temu Forum Anak ${i}`)}# ${`catatan ${i} `.repeat(25_000)}\n`).toString();
    const texts = () => Array.from({ length: 40 }, (_, i) => ({ path: `sop-${i}.sop`, text: text(i) }));
    lintTexts([{ path: 'warm-up.sop', text: base }]); // builds the parser: not part of the measure
    gc();
    const before = process.memoryUsage().heapUsed;
    // In a function of its own, so that no stack slot of this test still holds the texts.
    const result = (() => lintTexts(texts()))();
    gc();
    const after = process.memoryUsage().heapUsed;
    expect(result.index.entries).toHaveLength(40);
    expect(result.diagnostics.length).toBeGreaterThan(40);
    // Titles, references and findings of 40 SOPs are well under 2 MB; the files are 10 MB (V8 keeps
    // a slice or a concatenation of a string as a view on it, so one quoted title would keep a file).
    expect(after - before).toBeLessThan(2_000_000);
  });
});
