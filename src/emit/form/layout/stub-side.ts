/**
 * The side a symbol's stubs (exits to 'selesai', to '?' or to a step the source lacks) leave from,
 * and how far they reach: beside the symbol when their label has room there, else on into the next
 * actor column, whose empty cell in that row takes the label.
 */
import { labelFitsBeside } from './exit-room.js';
import type { Side } from './lanes.js';
import type { Port } from './ports.js';
import type { Column, PlacedSymbol } from './types.js';

export interface StubPlan {
  side: Side;
  /** Reaching into the neighbouring column on that side. */
  long: boolean;
  /** The first stub's place in the stack down the side (1 when an exit already leaves there). */
  stackFrom: number;
}

export interface StubSurroundings {
  symbol: PlacedSymbol;
  column: Column;
  /** The actor column beside this one on a side, when its cell in the symbol's row is empty. */
  freeNeighbour: (side: Side) => Column | undefined;
  /** Where the symbol's exits leave, and the sides joined to its other copies or marks. */
  used: Set<Port>;
  linked: Set<Side>;
}

export function planStubs(around: StubSurroundings, labels: string[]): StubPlan {
  const { symbol, column, used, linked } = around;
  const sides: Side[] = ['right', 'left'];
  // A stub leaves from the corner when nothing else does there, else below it, down the side.
  const plan = (side: Side, long: boolean): StubPlan => ({ side, long, stackFrom: used.has(side) || linked.has(side) ? 1 : 0 });
  const open = sides.filter((s) => !used.has(s) && !linked.has(s));
  const fits = (side: Side) => labels.every((label) => labelFitsBeside(column, symbol, side, label));
  const reaches = (side: Side) => around.freeNeighbour(side) !== undefined;
  for (const [candidates, long] of [
    [open.filter(fits), false],
    [sides.filter(fits), false],
    [open.filter(reaches), true],
    [sides.filter(reaches), true],
  ] as const) {
    if (candidates.length) return plan(candidates[0], long);
  }
  return plan(open[0] ?? 'right', false);
}
