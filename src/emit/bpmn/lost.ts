/**
 * Steps a reader of the diagram must be told are missing: ranges the author declared lost
 * (`Hilang: 1-11`, `Hilang: 12-?`) and numbers the table skips (1, 2, 4: no step 3), each with the
 * steps it lies between (-1: before the first, `steps.length`: after the last).
 */
import type { Procedure } from '../../ast/types.js';

export interface LostStretch {
  from: number;
  to: number | null;
  before: number;
  after: number;
  text: string;
}

export function lostStretches(procedure: Procedure): LostStretch[] {
  const steps = procedure.steps;
  const between = (from: number, to: number | null) => {
    let before = -1;
    steps.forEach((step, i) => {
      if (step.number !== null && step.number < from) before = i;
    });
    const after = to === null ? -1 : steps.findIndex((step, i) => i > before && step.number !== null && step.number > to);
    return { before, after: after < 0 ? steps.length : after };
  };
  const span = (from: number, to: number | null) => (to === null ? `${from} sampai akhir tabel` : from === to ? `${from}` : `${from}-${to}`);
  const stretches: LostStretch[] = procedure.missing.map((m) => ({
    from: m.from,
    to: m.to,
    ...between(m.from, m.to),
    text: `Langkah ${span(m.from, m.to)} hilang di sumber${m.note ? `: ${m.note}` : ''}`,
  }));
  const declared = (n: number) => procedure.missing.some((m) => m.from <= n && (m.to === null || m.to >= n));
  let previous = 0;
  // Rows without a number since the last numbered one stand where the skipped numbers would.
  let unnumbered = 0;
  let previousIndex = -1;
  steps.forEach((step, i) => {
    if (step.number === null) {
      unnumbered++;
      return;
    }
    if (step.number > previous + 1 + unnumbered && !declared(previous + 1)) {
      const [from, to] = [previous + 1, step.number - 1];
      stretches.push({ from, to, before: previousIndex, after: i, text: `Langkah ${span(from, to)} tidak ada di sumber (nomor dilompati)` });
    }
    previous = Math.max(previous, step.number);
    previousIndex = i;
    unnumbered = 0;
  });
  return stretches;
}
