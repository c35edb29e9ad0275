/**
 * Shared by the big-render slow tests: the 100,000-step SOPs of issue 19 (one chain, every step a
 * decision), parsed once, and what a complete rendering of them must show.
 */
import { parseSop } from '../../src/ast/parse.js';
import type { RenderInput } from '../../src/emit/registry.js';
import { manySteps } from '../robustness/shapes.js';

export const STEPS = 100_000;
/** Generous: parsing and rendering 100,000 steps on a busy 2-vCPU machine. No time is asserted. */
export const TIMEOUT = 900_000;

export const SHAPES = { 'one chain': false, 'every step a decision': true } as const;

export function bigInput(decisions: boolean, steps = STEPS): RenderInput {
  const { document, source } = parseSop(manySteps(steps, decisions), 'big.sop');
  return { document, source, logo: null };
}

/** The Kegiatan of the last step, as manySteps writes it. */
export const lastKegiatan = (steps = STEPS) => `Memeriksa berkas ${steps} dan meneruskannya`;

/** How many times `pattern` occurs in `text`. */
export function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
