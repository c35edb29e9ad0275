/**
 * Room under a decision for the label of its exit to the next step. That exit leaves from the bottom
 * unless it can leave by the side facing its target (ports.ts); from the bottom, a label too wide for
 * one line beside the line needs more lines under the diamond than a row of the least height has.
 */
import type { Procedure } from '../../../ast/types.js';
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { stepActorIds } from './columns.js';
import { labelFitsUnder } from './exit-room.js';
import { FONT, ROW_MIN_HEIGHT, SYMBOL } from './style.js';
import type { Column } from './types.js';

/** Space kept between a label under a diamond and the diamond, the line and the gridline. */
const LABEL_MARGIN = 7;

/** The least height of a decision's row: ROW_MIN_HEIGHT.decision, or more for its bottom exit's label. */
export function decisionRowHeight(procedure: Procedure, stepIndex: number, columns: Column[]): number {
  const step = procedure.steps[stepIndex];
  const next = procedure.steps[stepIndex + 1];
  const exits = step.decision?.exits ?? [];
  const exit = exits.find((e) => e.to.kind === 'step' && next && e.to.number === next.number);
  if (!exit?.label) return ROW_MIN_HEIGHT.decision;
  const actorColumn = (id: string) => columns.findIndex((c) => c.kind === 'actor' && c.actorId === id);
  const [decider, ...coActors] = stepActorIds(step).map(actorColumn);
  const column = columns[decider];
  if (!column || labelFitsUnder(column, exit.label)) return ROW_MIN_HEIGHT.decision;
  if (leavesBySide(procedure, exit, next, decider, coActors, actorColumn)) return ROW_MIN_HEIGHT.decision;
  const lines = wrapText(exit.label, column.width / 2 - 4, { fontSize: FONT.label }).length;
  const labelHeight = lines * FONT.label * LINE_HEIGHT_EM;
  return Math.max(ROW_MIN_HEIGHT.decision, SYMBOL.diamondHeight + 2 * (labelHeight + LABEL_MARGIN));
}

/** Whether the exit to the next step can leave by the side facing it (no co-actor's mark, no other exit there). */
function leavesBySide(
  procedure: Procedure,
  exit: NonNullable<Procedure['steps'][number]['decision']>['exits'][number],
  next: Procedure['steps'][number],
  decider: number,
  coActors: number[],
  actorColumn: (id: string) => number,
): boolean {
  const towards = (ids: string[]) => {
    const offsets = ids.map((id) => actorColumn(id) - decider);
    return Math.sign(offsets.reduce((best, d) => (Math.abs(d) < Math.abs(best) ? d : best), offsets[0] ?? 0));
  };
  const side = towards(stepActorIds(next));
  if (side === 0 || coActors.some((c) => Math.sign(c - decider) === side)) return false;
  const stepOf = (number: number) => procedure.steps.find((s) => s.number === number);
  const decision = procedure.steps.find((s) => s.decision?.exits.includes(exit))?.decision;
  return !(decision?.exits ?? []).some((e) => {
    if (e === exit || e.to.kind !== 'step') return false;
    const target = stepOf(e.to.number);
    return target !== undefined && towards(stepActorIds(target)) === side;
  });
}
