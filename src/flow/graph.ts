/**
 * The flow of one procedure as a graph: steps are nodes (by index, since numbers may repeat or be
 * absent); a step flows to the next one, a decision to the targets of its exits. The checker's flow
 * rules and every flowchart emitter read this one model.
 */
import type { DecisionExit, Procedure, Step } from '../ast/types.js';

export interface FlowEdge {
  from: number;
  to: number;
  /** The exit label of a decision ("Ya", "Tidak"); null for plain sequence. */
  label: string | null;
  /** A return edge: it goes back to an earlier (or the same) step, e.g. "Tidak" → "diperbaiki". */
  isReturn: boolean;
}

export interface UnresolvedExit {
  from: number;
  exit: DecisionExit;
}

export interface FlowGraph {
  procedure: Procedure;
  steps: Step[];
  edges: FlowEdge[];
  outgoing: FlowEdge[][];
  incoming: FlowEdge[][];
  /** Decision exits whose target step does not exist in this procedure. */
  unresolved: UnresolvedExit[];
  /** Index of the step with a number, preferring the first one written. */
  indexOfNumber(number: number): number | undefined;
  /** Steps from which the flow reaches step i (i itself only on a loop); computed once, on demand. */
  ancestors(i: number): ReadonlySet<number>;
  /** Steps the flow reaches from step i (i itself only on a loop); computed once, on demand. */
  descendants(i: number): ReadonlySet<number>;
}

export function buildFlowGraph(procedure: Procedure): FlowGraph {
  const steps = procedure.steps;
  const byNumber = new Map<number, number>();
  steps.forEach((step, index) => {
    if (step.number !== null && !byNumber.has(step.number)) byNumber.set(step.number, index);
  });
  const edges: FlowEdge[] = [];
  const unresolved: UnresolvedExit[] = [];
  steps.forEach((step, index) => {
    if (step.decision && step.decision.exits.length > 0) {
      for (const exit of step.decision.exits) {
        const target = exit.target === null ? undefined : byNumber.get(exit.target);
        if (target === undefined) unresolved.push({ from: index, exit });
        else edges.push({ from: index, to: target, label: exit.label, isReturn: target <= index });
      }
    } else if (index < steps.length - 1) {
      edges.push({ from: index, to: index + 1, label: null, isReturn: false });
    }
  });
  const outgoing = steps.map(() => [] as FlowEdge[]);
  const incoming = steps.map(() => [] as FlowEdge[]);
  for (const edge of edges) {
    outgoing[edge.from].push(edge);
    incoming[edge.to].push(edge);
  }
  const graph: FlowGraph = {
    procedure,
    steps,
    edges,
    outgoing,
    incoming,
    unresolved,
    indexOfNumber: (n) => byNumber.get(n),
    ancestors: memo((i) => strictlyReachable(graph, i, 'backward')),
    descendants: memo((i) => strictlyReachable(graph, i, 'forward')),
  };
  return graph;
}

function memo(compute: (i: number) => ReadonlySet<number>): (i: number) => ReadonlySet<number> {
  const cache = new Map<number, ReadonlySet<number>>();
  return (i) => {
    let value = cache.get(i);
    if (!value) cache.set(i, (value = compute(i)));
    return value;
  };
}

/** Reachable in one or more steps (so i is included only when it lies on a loop). */
function strictlyReachable(graph: FlowGraph, i: number, direction: 'forward' | 'backward'): ReadonlySet<number> {
  const edges = direction === 'forward' ? graph.outgoing[i] : graph.incoming[i];
  const starts: number[] = [];
  for (const edge of edges) starts.push(direction === 'forward' ? edge.to : edge.from);
  return reachable(graph, starts, direction);
}

/** Indices reachable from `start` following edges forwards (or backwards). */
export function reachable(graph: FlowGraph, starts: number[], direction: 'forward' | 'backward' = 'forward'): Set<number> {
  // Every rule asks this for every step: a plain loop over the edges, no arrays made per node.
  const forward = direction === 'forward';
  const seen = new Set<number>();
  const stack = starts.slice();
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const edge of forward ? graph.outgoing[node] : graph.incoming[node]) stack.push(forward ? edge.to : edge.from);
  }
  return seen;
}
