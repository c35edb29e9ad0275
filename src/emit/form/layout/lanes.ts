/**
 * Vertical lanes for routes that leave the straight top-to-bottom flow (return edges, forward jumps,
 * side connectors). They run in the free space ("gutter") between a column's symbols and its borders,
 * so they pass every symbol of the column; routes whose vertical extents overlap get different lanes.
 */
import type { Column } from './types.js';
import { textWidth } from '../text/metrics.js';
import { FONT, LANE, SYMBOL } from './style.js';

export type Side = 'left' | 'right';

/**
 * The narrowest symbol: a capsule of SYMBOL.height still reads as a capsule (width ≥ 1.5 × height),
 * with two units to spare so that no rounding of its corners' coordinates makes it less.
 */
export const NARROWEST_SYMBOL = 1.5 * SYMBOL.height + 2;
/** The narrowest diamond: a little wider than it is tall. */
const NARROWEST_DIAMOND = SYMBOL.diamondHeight + 2;

/**
 * A diamond's width: narrower than the column's other symbols when the column is narrow, so that a
 * "Tidak" fits beside its corners; never narrower than it is tall.
 */
export function diamondWidth(column: Column): number {
  const room = 2 * (textWidth('Tidak', FONT.label) * 1.04 + 8);
  return Math.max(NARROWEST_DIAMOND, Math.min(symbolWidth(column), column.width - room));
}

export function symbolWidth(column: Column): number {
  return Math.max(Math.max(SYMBOL.minWidth, NARROWEST_SYMBOL), Math.min(SYMBOL.maxWidth, column.width - 2 * SYMBOL.gutterMin));
}

export class LaneAllocator {
  /** Per column x and side: per lane, the vertical intervals already taken. */
  private readonly taken = new Map<string, Array<Array<[number, number]>>>();

  /** The x of a free lane in `column`'s gutter on `side` for the vertical extent [y1, y2]. */
  allocate(column: Column, side: Side, y1: number, y2: number): number {
    const offsets = laneOffsets(column);
    const key = `${column.x}:${side}`;
    let lanes = this.taken.get(key);
    if (!lanes) this.taken.set(key, (lanes = offsets.map(() => [])));
    const low = Math.min(y1, y2);
    const high = Math.max(y1, y2);
    let chosen = lanes.findIndex((intervals) => intervals.every(([a, b]) => high < a - 2 || low > b + 2));
    // Every lane busy: the least used one (the geometry tests report the shared line).
    if (chosen < 0) chosen = lanes.reduce((best, intervals, i) => (intervals.length < lanes![best].length ? i : best), 0);
    lanes[chosen].push([low, high]);
    const center = column.x + column.width / 2;
    const symbolSide = symbolWidth(column) / 2;
    return side === 'right' ? center + symbolSide + offsets[chosen] : center - symbolSide - offsets[chosen];
  }
}

/**
 * Distances of the lanes from the symbol's side, nearest first; always at least one. When the lanes
 * LANE.step apart are all taken, the ones between them (at least 2.5 apart) are used before any is shared.
 */
function laneOffsets(column: Column): number[] {
  const gutter = (column.width - symbolWidth(column)) / 2;
  const offsets: number[] = [];
  for (let d = LANE.first; d <= gutter - 3; d += LANE.step) offsets.push(d);
  if (offsets.length === 0) offsets.push(Math.max(2, gutter / 2));
  const between: number[] = [];
  for (let d = LANE.first - LANE.step / 2; d <= gutter - 2.5; d += LANE.step) if (d >= 4 && !offsets.includes(d)) between.push(d);
  return [...offsets, ...between];
}
