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
    ancestors: rowsOnDemand(() => reachabilityOf(steps.length, (i) => incoming[i].map((e) => e.from))),
    descendants: rowsOnDemand(() => reachabilityOf(steps.length, (i) => outgoing[i].map((e) => e.to))),
  };
  return graph;
}

/** A 'Lanjut:' target as an unlabelled exit, so that both kinds of flow are read alike. */
function asExit(target: FlowTarget): DecisionExit {
  return { label: null, target: target.kind === 'step' ? target.number : null, to: target, span: target.span, targetSpan: target.span };
}

interface ReachabilityTable {
  row(i: number): StepSet;
}

/**
 * Up to this many steps, one bit row per step (8 MB at 8,192 steps); beyond, rows of intervals per
 * strongly connected component, which stay small for flows that run mostly forward (100,000 steps:
 * megabytes, where bit rows would need 1.25 GB).
 */
export const BIT_TABLE_MAX_STEPS = 8192;

function reachabilityOf(count: number, next: (i: number) => number[]): ReachabilityTable {
  return count <= BIT_TABLE_MAX_STEPS ? new Reachability(count, next) : new IntervalReachability(count, next);
}

function rowsOnDemand(build: () => ReachabilityTable): (i: number) => StepSet {
  let table: ReachabilityTable | undefined;
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
  private readonly rows: (BitRow | undefined)[];

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
    return (this.rows[i] ??= new BitRow(this.bits, i * this.words, this.count));
  }
}

/** A set of step indices: one row of a reachability table. */
export interface StepSet extends Iterable<number> {
  has(i: number): boolean;
}

/** One bit row of a Reachability table. */
class BitRow implements StepSet {
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

/**
 * Strongly connected components, by an iterative Tarjan search (a recursive one overflows the stack
 * on a flow of some 10,000 steps). Components come out sinks first (reverse topological order), in
 * the order a recursive search from step 0, 1, ... would give them.
 */
export function stronglyConnected(count: number, successors: (i: number) => readonly number[]): { componentOf: Int32Array; components: number[][] } {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const componentOf = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const components: number[][] = [];
  const frames: number[] = [];
  const positions: number[] = [];
  let counter = 0;
  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frames.push(v);
    positions.push(0);
  };
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (frames.length > 0) {
      const top = frames.length - 1;
      const v = frames[top];
      const next = successors(v);
      const position = positions[top];
      if (position < next.length) {
        positions[top] = position + 1;
        const w = next[position];
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      frames.pop();
      positions.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = components.length;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return { componentOf, components };
}

/** Sorted, disjoint, non-adjacent [start, end] pairs, flat: a set of step indices that runs in stretches. */
class IntervalSet implements StepSet {
  constructor(private readonly bounds: Int32Array) {}

  has(i: number): boolean {
    let lo = 0;
    let hi = this.bounds.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (i < this.bounds[2 * mid]) hi = mid - 1;
      else if (i > this.bounds[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let k = 0; k < this.bounds.length; k += 2) for (let i = this.bounds[k]; i <= this.bounds[k + 1]; i++) yield i;
  }

  /** The union of interval lists (each sorted), merged. */
  static union(parts: Int32Array[]): Int32Array {
    const pairs: [number, number][] = [];
    for (const part of parts) for (let k = 0; k < part.length; k += 2) pairs.push([part[k], part[k + 1]]);
    pairs.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [start, end] of pairs) {
      if (merged.length > 0 && start <= merged[merged.length - 1] + 1) merged[merged.length - 1] = Math.max(merged[merged.length - 1], end);
      else merged.push(start, end);
    }
    return Int32Array.from(merged);
  }
}

/**
 * Reachability for long flows: each strongly connected component gets one row of intervals, built
 * from the rows of the components it leads to (sinks first), so a flow that runs forward in
 * stretches costs time and memory near its length, not its square.
 */
export class IntervalReachability implements ReachabilityTable {
  private readonly rows: Int32Array[];
  private readonly sets: (IntervalSet | undefined)[];
  private readonly componentOf: Int32Array;

  constructor(count: number, next: (i: number) => number[]) {
    const successors = Array.from({ length: count }, (_, i) => next(i));
    const { componentOf, components } = stronglyConnected(count, (i) => successors[i]);
    this.componentOf = componentOf;
    this.rows = new Array(components.length);
    this.sets = new Array(components.length);
    const ownOf = components.map((members) => IntervalSet.union([Int32Array.from(members.flatMap((m) => [m, m]))]));
    components.forEach((members, c) => {
      const own = ownOf[c];
      const parts: Int32Array[] = [];
      const seen = new Set<number>();
      let cyclic = members.length > 1;
      for (const v of members) {
        for (const w of successors[v]) {
          const d = componentOf[w];
          if (d === c) cyclic = true;
          else if (!seen.has(d)) {
            seen.add(d);
            parts.push(this.rows[d], ownOf[d]);
          }
        }
      }
      if (cyclic) parts.push(own);
      this.rows[c] = parts.length === 1 ? parts[0] : IntervalSet.union(parts);
    });
  }

  row(i: number): StepSet {
    const c = this.componentOf[i];
    return (this.sets[c] ??= new IntervalSet(this.rows[c]));
  }
}

/** Whether step number `n` lies in a range declared lost (`Hilang: 12-?`): a target there is not missing. */
export function isDeclaredLost(procedure: Procedure, n: number): boolean {
  return procedure.missing.some((m) => m.from <= n && (m.to === null || m.to >= n));
}
