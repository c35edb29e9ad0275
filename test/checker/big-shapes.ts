/**
 * The big inputs of issue 19, each at a chosen size in bytes: a long procedure in one chain, one with
 * every step a decision, one document passed along every step, and a file of one finding per line.
 * bench/scaling.mjs measures how their time grows; test/checker/big-files.slow.test.ts runs each once.
 */
import { manySteps, SHAPES } from '../robustness/shapes.js';

/** About how many bytes one step of `manySteps` takes (its four or five lines). */
const BYTES_PER_STEP = 130;
const stepsIn = (bytes: number) => Math.max(2, Math.round(bytes / BYTES_PER_STEP));

/** Steps that each take and give the same document: every step's input has the same name as every earlier output. */
export function sameDocumentSteps(count: number): string {
  const text = manySteps(count);
  return text.replace(/Kelengkapan: (?:RKA|Berkas \d+)\n/g, 'Kelengkapan: Surat Tugas\n').replace(/Output: Berkas \d+\n/g, 'Output: Surat Tugas\n');
}

/** A Keterkaitan of `count` items that name no SOP of the corpus: two findings each (unresolved, unused). */
export function keterkaitanItems(count: number): string {
  return SHAPES['many Keterkaitan items'](count * '  - SOP Surat Keluar Nomor Satu\n'.length);
}

export const BIG_SHAPES: Record<string, (bytes: number) => string> = {
  'steps in one chain': (n) => manySteps(stepsIn(n)),
  'every step a decision': (n) => manySteps(stepsIn(n * 0.76), true),
  'one document passed along every step': (n) => sameDocumentSteps(stepsIn(n)),
  'many Keterkaitan items (a finding each)': SHAPES['many Keterkaitan items'],
};
