/**
 * The lanes of a procedure's pool: its declared actors (Pelaksana) in order, then one lane for each
 * kind of step no declared actor takes, in order of first use: steps with no actor, steps whose actor
 * cannot be read (`[?]`), and each actor a step names but the procedure does not declare.
 */
import { UNKNOWN_ACTOR_ID, type Procedure, type Step } from '../../ast/types.js';

export interface Lanes {
  names: string[];
  /** The lanes of a step, its first actor's first, each once. */
  of(step: Step): number[];
}

export function laneName(undeclared: string): string {
  if (undeclared === '') return 'Tanpa pelaksana';
  if (undeclared === UNKNOWN_ACTOR_ID) return '? (pelaksana tidak terbaca)';
  return `${undeclared} (tidak dideklarasikan)`;
}

export function lanesOf(procedure: Procedure): Lanes {
  const index = new Map<string, number>();
  procedure.actors.forEach((actor, i) => {
    if (!index.has(actor.id.toLowerCase())) index.set(actor.id.toLowerCase(), i);
  });
  const names = procedure.actors.map((a) => a.label);
  const idsOf = (step: Step) => (step.actors.length ? step.actors.map((a) => a.id) : ['']);
  for (const step of procedure.steps)
    for (const id of idsOf(step))
      if (!index.has(id.toLowerCase())) {
        index.set(id.toLowerCase(), names.length);
        names.push(laneName(id));
      }
  return { names, of: (step) => [...new Set(idsOf(step).map((id) => index.get(id.toLowerCase())!))] };
}
