/**
 * Whether an exit's label finds room next to the start of its line within the symbol's column; where
 * it does not (the 72- and 54-unit columns of six or eight actors), the exit leaves or turns
 * elsewhere (ports.ts, routes.ts).
 */
import { textWidth } from '../text/metrics.js';
import type { Side } from './lanes.js';
import { FONT } from './style.js';
import type { Column } from './types.js';

/** The widest word of a label, as the label placer measures it (a label wraps to no less). */
function longestWord(label: string): number {
  return Math.max(0, ...label.split(/\s+/).map((w) => textWidth(w, FONT.label) * 1.04));
}

/**
 * Whether a label fits beside a symbol's side exit within its column: its longest word (a label wraps
 * to no less), clear of the border, and of the symbol (a line of label just below or above a
 * diamond's corner may reach in under its slope). A "Tidak" does not in the 72-unit columns of six
 * actors.
 */
export function labelFitsBeside(column: Column, symbol: { kind: string; x: number; width: number; height: number }, side: Side, label: string): boolean {
  const border = side === 'right' ? column.x + column.width - (symbol.x + symbol.width) : symbol.x - column.x;
  // Under the slope, a line's height away from the corner (a label's reach): the diamond has narrowed by this much.
  const slope = symbol.kind === 'decision' ? (symbol.width / 2) * Math.min(1, (FONT.label * 0.9) / (symbol.height / 2 + 2)) : 0;
  return border + slope - 4 >= longestWord(label);
}

/**
 * Whether a label fits on one line beside the line leaving a symbol's bottom: a row of the least
 * height has no room for a second line under a diamond.
 */
export function labelFitsUnder(column: Column, label: string): boolean {
  return column.width / 2 - 4 >= textWidth(label, FONT.label) * 1.04;
}
