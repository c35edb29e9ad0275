/** The flow graph's algorithms at any size: iterative (no stack overflow), and rows that stay small. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { IntervalReachability, Reachability, stronglyConnected } from '../../src/resolve/flow-graph.js';

// Graphs of hundreds of thousands of steps, built and searched: seconds alone, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

/** Reference: a search from the step's successors. */
function search(successors: number[][], from: number): number[] {
  const seen = new Set<number>();
  const stack = [...successors[from]];
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    stack.push(...successors[v]);
  }
  return [...seen].sort((a, b) => a - b);
}

const graphs = fc
  .integer({ min: 1, max: 60 })
  .chain((count) => fc.array(fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 3 }), { minLength: count, maxLength: count }));

describe('reachability by intervals', () => {
  it('agrees with a search from each step and with the bit table, on random graphs', () => {
    fc.assert(
      fc.property(graphs, (successors) => {
        const intervals = new IntervalReachability(successors.length, (i) => successors[i]);
        const bits = new Reachability(successors.length, (i) => successors[i]);
        for (let i = 0; i < successors.length; i++) {
          const expected = search(successors, i);
          expect([...intervals.row(i)]).toEqual(expected);
          expect([...bits.row(i)]).toEqual(expected);
          for (const j of [-1, successors.length, i]) expect(intervals.row(i).has(j)).toBe(expected.includes(j));
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('answers for 300,000 steps in a chain with a loop every ten steps', () => {
    const count = 300_000;
    const successors = Array.from({ length: count }, (_, i) => (i === count - 1 ? [] : i % 10 === 9 ? [i + 1, i - 3] : [i + 1]));
    const forward = new IntervalReachability(count, (i) => successors[i]);
    expect(forward.row(0).has(count - 1)).toBe(true);
    expect(forward.row(count - 1).has(0)).toBe(false);
    expect(forward.row(9).has(6)).toBe(true); // on the loop 6 → 7 → 8 → 9 → 6
  }, 120_000);
});

describe('strongly connected components, iteratively', () => {
  it('finds the components a recursive Tarjan search finds, in the same order', () => {
    const recursive = (successors: number[][]) => {
      const index = new Map<number, number>();
      const low = new Map<number, number>();
      const onStack = new Set<number>();
      const stack: number[] = [];
      const out: number[][] = [];
      let counter = 0;
      const visit = (v: number) => {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
        for (const w of successors[v]) {
          if (!index.has(w)) {
            visit(w);
            low.set(v, Math.min(low.get(v)!, low.get(w)!));
          } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) === index.get(v)) {
          const component: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
          } while (w !== v);
          out.push(component);
        }
      };
      successors.forEach((_, i) => index.has(i) || visit(i));
      return out;
    };
    fc.assert(
      fc.property(graphs, (successors) => {
        expect(stronglyConnected(successors.length, (i) => successors[i]).components).toEqual(recursive(successors));
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('does not overflow the stack on a loop of 500,000 steps', () => {
    const count = 500_000;
    const { components } = stronglyConnected(count, (i) => [(i + 1) % count]);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(count);
  }, 120_000);
});
