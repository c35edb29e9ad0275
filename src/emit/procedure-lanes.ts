/**
 * The lanes of one procedure's chart (Mermaid, DOT): its declared actors in Pelaksana order, then a dashed lane for
 * each undeclared actor a step names and one for '?' (an actor lost in the source). A step sits in
 * its first actor's lane; each of its other actors gets a co-actor mark in its own lane.
 */
import { UNKNOWN_ACTOR_ID, type Procedure } from '../ast/types.js';

export interface Lane {
  /** The subgraph id: `<prefix>l<n>` for the n-th declared actor, `<prefix>lu<n>` undeclared, `<prefix>lq` for '?'. */
  id: string;
  label: string;
  /** Not a declared actor: drawn dashed. */
  dashed: boolean;
}

export interface ProcedureLanes {
  lanes: Lane[];
  /** The lane index of each step (its first actor's). */
  laneOfStep: number[];
  /** The lane indexes of each step's other actors, without its own lane and without repeats. */
  coLanes: number[][];
}

export function procedureLanes(procedure: Procedure, prefix: string): ProcedureLanes {
  const lanes: Lane[] = procedure.actors.map((actor, k) => ({ id: `${prefix}l${k + 1}`, label: actor.label, dashed: false }));
  const byId = new Map(procedure.actors.map((actor, k) => [actor.id.toLowerCase(), k]));
  let undeclared = 0;
  const laneFor = (id: string): number => {
    const key = id.toLowerCase();
    let lane = byId.get(key);
    if (lane === undefined) {
      lane = lanes.length;
      byId.set(key, lane);
      if (id === UNKNOWN_ACTOR_ID) lanes.push({ id: `${prefix}lq`, label: '? (pelaksana tidak terbaca)', dashed: true });
      else lanes.push({ id: `${prefix}lu${++undeclared}`, label: `${id} (tidak dideklarasikan)`, dashed: true });
    }
    return lane;
  };
  const laneOfStep = procedure.steps.map((step) => laneFor(step.actors[0]?.id ?? UNKNOWN_ACTOR_ID));
  const coLanes = procedure.steps.map((step, i) => [...new Set(step.actors.slice(1).map((a) => laneFor(a.id)))].filter((lane) => lane !== laneOfStep[i]));
  return { lanes, laneOfStep, coLanes };
}
