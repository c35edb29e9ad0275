/**
 * The columns of a procedure's table: No | Kegiatan | one per actor | Kelengkapan | Waktu | Output |
 * Keterangan. Steps naming an undeclared actor get a column headed by that id, steps naming none a
 * column headed "?", so every symbol has a column to sit in.
 */
import type { Procedure, Step } from '../../../ast/types.js';
import type { Column } from './types.js';
import { textWidth } from '../text/metrics.js';
import { ACTOR_WIDTH, COLUMN_WIDTH, FONT, PAGE_WIDTH } from './style.js';

/**
 * The narrowest actor column: room for a capsule that stays a capsule (see lanes.ts), a lane or two on
 * each side of it, and a "Tidak" beside a diamond's corner, as far as the page's width allows.
 */
export const NARROWEST_ACTOR = Math.max(72, Math.ceil(2 * (14 + textWidth('Tidak', FONT.label) * 1.04 + 2)));

/** Kegiatan may narrow down to this so that the actor columns get NARROWEST_ACTOR. */
const KEGIATAN_NARROWEST = 200;

/** The id of the column for steps that name no actor. */
export const NO_ACTOR_ID = '?';

export interface ActorColumnSpec {
  id: string;
  label: string;
}

export function actorColumnSpecs(procedure: Procedure): ActorColumnSpec[] {
  const specs: ActorColumnSpec[] = [];
  const seen = new Set<string>();
  for (const actor of procedure.actors) {
    if (seen.has(actor.id)) continue;
    seen.add(actor.id);
    specs.push({ id: actor.id, label: actor.label });
  }
  let unassigned = false;
  for (const step of procedure.steps) {
    if (step.actors.length === 0) unassigned = true;
    for (const ref of step.actors) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      specs.push({ id: ref.id, label: ref.id });
    }
  }
  if (unassigned && !seen.has(NO_ACTOR_ID)) specs.push({ id: NO_ACTOR_ID, label: NO_ACTOR_ID });
  return specs;
}

/** The actor columns a step's symbol is drawn in (no duplicates, in the step's order). */
export function stepActorIds(step: Step): string[] {
  if (step.actors.length === 0) return [NO_ACTOR_ID];
  return [...new Set(step.actors.map((a) => a.id))];
}

export function buildColumns(actors: ActorColumnSpec[]): Column[] {
  const fixed = COLUMN_WIDTH.no + COLUMN_WIDTH.kelengkapan + COLUMN_WIDTH.waktu + COLUMN_WIDTH.output + COLUMN_WIDTH.keterangan;
  const flexible = PAGE_WIDTH - fixed;
  const n = Math.max(actors.length, 1);
  let actorWidth = Math.min(ACTOR_WIDTH.max, Math.max(ACTOR_WIDTH.min, NARROWEST_ACTOR, (flexible - COLUMN_WIDTH.kegiatanMin) / n));
  // The table stays one page wide (a wider one would print its text under 8 pt): Kegiatan gives up
  // to KEGIATAN_NARROWEST first, then the actors get what is left.
  if (actorWidth * n > flexible - KEGIATAN_NARROWEST) actorWidth = Math.max(ACTOR_WIDTH.absoluteMin, (flexible - KEGIATAN_NARROWEST) / n);
  actorWidth = Math.floor(actorWidth);
  const kegiatanWidth = Math.max(KEGIATAN_NARROWEST, flexible - actorWidth * actors.length);

  const columns: Column[] = [];
  let x = 0;
  const add = (column: Omit<Column, 'x'>) => {
    columns.push({ ...column, x });
    x += column.width;
  };
  add({ kind: 'no', width: COLUMN_WIDTH.no, header: 'No' });
  add({ kind: 'kegiatan', width: kegiatanWidth, header: 'Kegiatan' });
  for (const actor of actors) add({ kind: 'actor', width: actorWidth, header: actor.label, actorId: actor.id });
  add({ kind: 'kelengkapan', width: COLUMN_WIDTH.kelengkapan, header: 'Kelengkapan' });
  add({ kind: 'waktu', width: COLUMN_WIDTH.waktu, header: 'Waktu' });
  add({ kind: 'output', width: COLUMN_WIDTH.output, header: 'Output' });
  add({ kind: 'keterangan', width: COLUMN_WIDTH.keterangan, header: 'Keterangan' });
  return columns;
}

/** The total width of the table, for a page of many actors that grows past PAGE_WIDTH. */
export function tableWidth(columns: Column[]): number {
  const last = columns[columns.length - 1];
  return last.x + last.width;
}
