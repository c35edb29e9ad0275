/**
 * The flow of one procedure as a graph: steps are nodes (by index, since numbers may repeat or be
 * absent); a step flows to the next one, or to the targets of its 'Lanjut:', a decision to the
 * targets of its exits. A flow that leaves the steps (`selesai`, or `?` lost in the source) is a
 * terminal, not an edge. The checker's flow rules and every flowchart emitter read this one model.
 */
import type { DecisionExit, FlowTarget, Procedure, Span, Step } from '../ast/types.js';

export interface FlowEdge {
  from: number;
  to: number;
  /** The exit label of a decision ("Ya", "Tidak"); null for plain sequence and 'Lanjut:'. */
  label: string | null;
  /** A return edge: it goes back to an earlier (or the same) step, e.g. "Tidak" → "diperbaiki". */
  isReturn: boolean;
  /** How the source says it: the step below (`sequence`), 'Lanjut:' (`next`), a decision exit (`exit`). */
  via: 'sequence' | 'next' | 'exit';
}

/** A decision exit or a 'Lanjut:' target naming a step that this procedure does not have. */
export interface UnresolvedExit {
  from: number;
  /** The exit as written; for a 'Lanjut:' target, an unlabelled exit made of it. */
  exit: DecisionExit;
  via: 'next' | 'exit';
}

/** Where the flow leaves the steps: the end of the procedure (`selesai`) or a target lost in the source (`?`). */
export interface FlowTerminal {
  from: number;
  kind: 'end' | 'unknown';
  /** The exit label when a decision exit says it; null for 'Lanjut:'. */
  label: string | null;
  via: 'next' | 'exit';
  span: Span;
}

export interface FlowGraph {
  procedure: Procedure;
  steps: Step[];
  edges: FlowEdge[];
  outgoing: FlowEdge[][];
  incoming: FlowEdge[][];
  /** Decision exits and 'Lanjut:' targets whose step does not exist in this procedure. */
  unresolved: UnresolvedExit[];
  /** Flows to `selesai` and to `?`, in source order. */
  terminals: FlowTerminal[];
  /** The terminals of each step. */
  terminalsOf: FlowTerminal[][];
  /**
   * Where the procedure can finish: steps with a terminal (`selesai`, or `?`: a lost target is not
   * the author's defect), and the last step written unless its 'Lanjut:' goes on elsewhere.
   */
  finishes: number[];
  /** Index of the step with a number, preferring the first one written. */
  indexOfNumber(number: number): number | undefined;
  /** Steps from which the flow reaches step i (i itself only on a loop); computed once, on demand. */
  ancestors(i: number): StepSet;
  /** Steps the flow reaches from step i (i itself only on a loop); computed once, on demand. */
  descendants(i: number): StepSet;
}

export function buildFlowGraph(procedure: Procedure): FlowGraph {
  const steps = procedure.steps;
  const byNumber = new Map<number, number>();
  steps.forEach((step, index) => {
    if (step.number !== null && !byNumber.has(step.number)) byNumber.set(step.number, index);
  });
  const edges: FlowEdge[] = [];
  const unresolved: UnresolvedExit[] = [];
  const terminals: FlowTerminal[] = [];
  const follow = (index: number, exit: DecisionExit, via: 'next' | 'exit') => {
    const to = exit.to;
    if (to.kind !== 'step') {
      terminals.push({ from: index, kind: to.kind, label: exit.label, via, span: to.span });
      return;
    }
    const target = byNumber.get(to.number);
    if (target === undefined) unresolved.push({ from: index, exit, via });
    else edges.push({ from: index, to: target, label: exit.label, isReturn: target <= index, via });
  };
  steps.forEach((step, index) => {
    if (step.decision && step.decision.exits.length > 0) {
      for (const exit of step.decision.exits) follow(index, exit, 'exit');
    } else if (step.next && step.next.targets.length > 0) {
      for (const target of step.next.targets) follow(index, asExit(target), 'next');
    } else if (index < steps.length - 1) {
      edges.push({ from: index, to: index + 1, label: null, isReturn: false, via: 'sequence' });
    }
  });
  const outgoing = steps.map(() => [] as FlowEdge[]);
  const incoming = steps.map(() => [] as FlowEdge[]);
  const terminalsOf = steps.map(() => [] as FlowTerminal[]);
  for (const edge of edges) {
    outgoing[edge.from].push(edge);
    incoming[edge.to].push(edge);
  }
  for (const terminal of terminals) terminalsOf[terminal.from].push(terminal);
  const last = steps.length - 1;
  const lastGoesOn = last >= 0 && (steps[last].next?.targets.some((t) => t.kind === 'step') ?? false);
  const finishes = steps.map((_, i) => i).filter((i) => terminalsOf[i].length > 0 || (i === last && !lastGoesOn));
  const graph: FlowGraph = {
    procedure,
    steps,
    edges,
    outgoing,
    incoming,
    unresolved,
    terminals,
    terminalsOf,
    finishes,
    indexOfNumber: (n) => byNumber.get(n),
    ancestors: rowsOnDemand(() => new Reachability(steps.length, (i) => incoming[i].map((e) => e.from))),
    descendants: rowsOnDemand(() => new Reachability(steps.length, (i) => outgoing[i].map((e) => e.to))),
  };
  return graph;
}

/** A 'Lanjut:' target as an unlabelled exit, so that both kinds of flow are read alike. */
function asExit(target: FlowTarget): DecisionExit {
  return { label: null, target: target.kind === 'step' ? target.number : null, to: target, span: target.span, targetSpan: target.span };
}

function rowsOnDemand(build: () => Reachability): (i: number) => StepSet {
  let table: Reachability | undefined;
  return (i) => (table ??= build()).row(i);
}

/**
 * Which steps reach which, in one or more steps, as one bit row per step. The chain rules ask it for
 * every step; one pass over all steps (repeated while a loop still adds steps) beats a search per step.
 */
export class Reachability {
  /** Passes over all steps until nothing changed (kept for the tests: it must not grow with the steps). */
  readonly passes: number;
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly rows: (StepSet | undefined)[];

  constructor(
    private readonly count: number,
    next: (i: number) => number[],
  ) {
    this.words = (count + 31) >>> 5;
    this.bits = new Uint32Array(count * this.words);
    this.rows = new Array(count);
    const successors = Array.from({ length: count }, (_, i) => next(i));
    // Passes alternate direction: a row is complete once the rows it takes from are, and those come
    // after it for descendants (a flow runs forward) but before it for ancestors. One direction only
    // would need a pass per step for the other (5,000 steps: 10 s instead of milliseconds).
    let pass = 0;
    for (let changed = true; changed; pass++) {
      changed = false;
      for (let k = 0; k < count; k++) {
        const i = pass % 2 === 0 ? count - 1 - k : k;
        const row = i * this.words;
        for (const j of successors[i]) {
          // Row i gains step j and everything j reaches.
          const other = j * this.words;
          for (let w = 0; w < this.words; w++) {
            const own = w === j >>> 5 ? 1 << (j & 31) : 0;
            const merged = (this.bits[row + w] | this.bits[other + w] | own) >>> 0; // unsigned, as the array holds it
            if (merged !== this.bits[row + w]) {
              this.bits[row + w] = merged;
              changed = true;
            }
          }
        }
      }
    }
    this.passes = pass;
  }

  row(i: number): StepSet {
    return (this.rows[i] ??= new StepSet(this.bits, i * this.words, this.count));
  }
}

/** A set of step indices: one row of a reachability table. */
export class StepSet implements Iterable<number> {
  constructor(
    private readonly bits: Uint32Array,
    private readonly offset: number,
    private readonly count: number,
  ) {}

  has(i: number): boolean {
    return i >= 0 && i < this.count && (this.bits[this.offset + (i >>> 5)] & (1 << (i & 31))) !== 0;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.count; i++) if (this.has(i)) yield i;
  }
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
