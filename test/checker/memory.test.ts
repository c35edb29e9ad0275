import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../../src/lint.js';
import { fromRoot } from '../helpers/paths.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const base = readFileSync(fromRoot('sops/sop-506.sop'), 'utf8');

/** 40 SOPs, each its own string, each followed by a comment of `commentWords` words. */
function corpus(commentWords: number) {
  return Array.from({ length: 40 }, (_, i) => ({
    path: `sop-${i}.sop`,
    text: Buffer.from(`${base.replace('Temu Forum Anak', `Temu Forum Anak ${i}`)}# ${`catatan ${i} `.repeat(commentWords)}\n`).toString(),
  }));
}

/** Heap still in use after checking the corpus, with the result alive. */
function retainedBy(commentWords: number) {
  gc();
  const before = process.memoryUsage().heapUsed;
  // In a function of its own: a temporary of this frame would keep the texts alive through gc().
  const result = (() => lintTexts(corpus(commentWords)))();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  return { result, retained };
}

describe('phase 1 keeps only what later phases need', () => {
  it('does not keep the text of checked files alive through titles, references or messages', () => {
    lintTexts([{ path: 'warm-up.sop', text: base }]); // builds the parser: not part of the measure
    retainedBy(10);
    // The same 40 SOPs, with comments of ~0 KB and of ~1 MB each: the findings are the same, so the
    // heap kept differs only by what is kept of the texts (40 MB if anything kept them). V8 keeps a
    // slice or a concatenation of a string as a view on it, so one quoted title would keep a file.
    const small = retainedBy(10);
    const large = retainedBy(100_000);
    expect(large.result.index.entries).toHaveLength(40);
    expect(large.result.diagnostics.length).toBe(small.result.diagnostics.length);
    expect(large.result.diagnostics.length).toBeGreaterThan(40);
    expect(large.retained - small.retained).toBeLessThan(10_000_000);
  });
});
