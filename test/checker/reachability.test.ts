import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Procedure, Step } from '../../src/ast/types.js';
import { buildFlowGraph, Reachability, reachable, type FlowGraph } from '../../src/resolve/flow-graph.js';

// Property runs over random graphs.
vi.setConfig({ testTimeout: 120_000 });

const span = { start: 0, end: 0 };

/** A procedure of `count` steps numbered 1..n; `exits[i]`, when given, makes step i a decision. */
function procedureOf(count: number, exits: (number[] | null)[]): Procedure {
  const steps: Step[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    numberSpan: span,
    actors: [],
    kegiatan: { text: `langkah ${i + 1}`, span },
    symbol: 'process',
    span,
    ...(exits[i]
      ? {
          decision: {
            exits: exits[i]!.map((target, k) => ({ label: `L${k}`, target, to: { kind: 'step' as const, number: target, span }, span, targetSpan: span })),
            span,
          },
        }
      : {}),
  }));
  return { title: null, actors: [], actorsInherited: false, steps, missing: [], span, labelSpan: span };
}

/** Reference: a search from the step's direct successors (or predecessors). */
function strictly(graph: FlowGraph, i: number, direction: 'forward' | 'backward'): number[] {
  const next = direction === 'forward' ? graph.outgoing[i].map((e) => e.to) : graph.incoming[i].map((e) => e.from);
  return [...reachable(graph, next, direction)].sort((a, b) => a - b);
}

describe('flow graph reachability', () => {
  it('a plain sequence: each step reaches the ones after it, never itself', () => {
    const graph = buildFlowGraph(procedureOf(4, []));
    expect([...graph.descendants(1)]).toEqual([2, 3]);
    expect([...graph.ancestors(1)]).toEqual([0]);
    expect(graph.descendants(3).has(3)).toBe(false);
  });

  it('a step on a loop reaches itself; one after the loop does not', () => {
    // 3. Keputusan: Ya -> 4, Tidak -> 2
    const graph = buildFlowGraph(procedureOf(4, [null, null, [4, 2], null]));
    expect(graph.descendants(2).has(2)).toBe(true);
    expect(graph.ancestors(1).has(1)).toBe(true);
    expect(graph.descendants(3).has(3)).toBe(false);
    expect(graph.ancestors(0).has(0)).toBe(false);
  });

  it('agrees with a search from each step, on random graphs of up to 70 steps (past one 32-bit word)', () => {
    const graphs = fc.integer({ min: 1, max: 70 }).chain((count) =>
      fc.tuple(
        fc.constant(count),
        fc.array(fc.option(fc.array(fc.integer({ min: 0, max: count + 1 }), { minLength: 1, maxLength: 3 }), { nil: null }), {
          minLength: count,
          maxLength: count,
        }),
      ),
    );
    fc.assert(
      fc.property(graphs, ([count, exits]) => {
        const graph = buildFlowGraph(procedureOf(count, exits));
        for (let i = 0; i < count; i++) {
          expect([...graph.descendants(i)]).toEqual(strictly(graph, i, 'forward'));
          expect([...graph.ancestors(i)]).toEqual(strictly(graph, i, 'backward'));
          for (const j of [-1, count, count + 40]) expect(graph.descendants(i).has(j)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('settles in a few passes whatever the length of the flow, in both directions', () => {
    // Flows with a return loop every ten steps: the ancestors' table once took a pass per step.
    const passes = (count: number) => {
      const exits = Array.from({ length: count }, (_, i) => (i % 10 === 9 && i + 2 <= count ? [i + 2, i - 3] : null));
      const graph = buildFlowGraph(procedureOf(count, exits));
      const forward = new Reachability(count, (i) => graph.outgoing[i].map((e) => e.to));
      const backward = new Reachability(count, (i) => graph.incoming[i].map((e) => e.from));
      expect(forward.row(0).has(count - 1)).toBe(true);
      expect(backward.row(count - 1).has(0)).toBe(true);
      return [forward.passes, backward.passes];
    };
    const short = passes(200);
    expect(passes(2000)).toEqual(short);
    for (const p of short) expect(p).toBeLessThanOrEqual(6);
  });
});
