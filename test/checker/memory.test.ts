import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { checkFile } from '../../src/checker/file-phase.js';
import { defaultConfig } from '../../src/configuration.js';
import { lintTexts } from '../../src/lint.js';
import { EntryStore, packEntry } from '../../src/resolve/packed-entry.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { FileRule } from '../../src/rules/rule.js';
import { fromRoot } from '../helpers/paths.js';

// Checks hundreds of SOPs and collects garbage between measures: about a minute on a busy 2-vCPU machine.
vi.setConfig({ testTimeout: 300_000 });

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

describe('what a streamed run keeps per SOP', () => {
  const fileRules = ALL_RULES.filter((rule): rule is FileRule => rule.meta.scope === 'file');
  const config = defaultConfig();

  /** Heap and store bytes still in use after phase 1 of `count` SOPs, with their packed entries alive. */
  function keptBy(count: number) {
    const store = new EntryStore();
    gc();
    const before = process.memoryUsage().heapUsed;
    // In a function of its own: a temporary of this frame would stay alive through gc().
    const entries = (() =>
      Array.from({ length: count }, (_, i) => {
        const text = Buffer.from(base.replace('Temu Forum Anak', `Temu Forum Anak ${i}`)).toString();
        return packEntry(checkFile(`sop-${i}.sop`, () => text, config, fileRules).entry!, store);
      }))();
    gc();
    return { entries, bytes: process.memoryUsage().heapUsed - before + store.bytes };
  }

  it('is a packed index entry of a few kilobytes, not the objects phase 1 made', () => {
    keptBy(20); // warm-up: the parser and the rules' first run
    // The difference between N and 2N SOPs: what each further SOP costs, without what any run costs.
    const one = keptBy(150);
    const two = keptBy(300);
    expect(two.entries.every((e) => e.content && e.title)).toBe(true);
    const perSop = (two.bytes - one.bytes) / 150;
    // Measured 2026-12-02: 2.6 KB packed for this SOP, 11 KB as phase 1 makes the entry.
    expect(perSop).toBeLessThan(6_000);
  });
});
