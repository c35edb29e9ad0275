/**
 * What the form says of a part lost in the source. An SOP whose identity sheet is lost
 * (`Identitas: (hilang)`) gets a line above its first flowchart table, instead of a page for one
 * sentence; a procedure whose whole table is lost (`Prosedur: (hilang)` and nothing under it) gets a
 * sheet with its heading and, in place of the table, a framed cell saying the table is lost.
 */
import type { Identity, Procedure } from '../../../ast/types.js';
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { pageHeading } from './header.js';
import { CELL_PADDING_X, CELL_PADDING_Y, FONT } from './style.js';
import type { PageLayout } from './types.js';

export const MISSING_IDENTITY = 'Lembar identitas SOP tidak ada dalam sumber.';
export const MISSING_TABLE = 'Bagan prosedur hilang pada dokumen sumber.';
/** The role of the cell printed in place of a lost procedure table. */
export const LOST_TABLE_ROLE = 'table-lost';
/** Space between the notice and the table below it. */
export const NOTICE_GAP = 4;

/** Whether the SOP says only that its identity sheet is lost (no field of it is written). */
export function identityLostOnly(identity: Identity): boolean {
  return identity.missing && !Object.entries(identity).some(([key, value]) => key !== 'missing' && key !== 'identitas' && value !== undefined);
}

export function noticeLines(text: string, width: number): string[] {
  return wrapText(text, width, { fontSize: FONT.body });
}

/** The height the notice takes above the table. */
export function noticeHeight(lines: string[]): number {
  return lines.length * FONT.body * LINE_HEIGHT_EM + NOTICE_GAP;
}

/** Moves the table of `page` down by the notice's height and prints the notice above it. */
export function insertNotice(page: PageLayout, lines: string[]): void {
  const dy = noticeHeight(lines);
  const top = Math.min(...page.headerCells.map((cell) => cell.y));
  for (const cell of [...page.headerCells, ...page.cells]) {
    cell.y += dy;
    if (cell.text) cell.text.y += dy;
  }
  for (const area of page.actorAreas) area.y += dy;
  for (const symbol of page.symbols) {
    symbol.y += dy;
    symbol.cy += dy;
  }
  for (const route of page.routes) {
    route.points = route.points.map(([x, y]) => [x, y + dy]);
    if (route.label) route.label.y += dy;
  }
  for (const connector of page.connectors) connector.y += dy;
  page.height += dy;
  page.notice = { lines, x: 0, y: top, fontSize: FONT.body, anchor: 'start', italic: true };
}

/** Whether the source has lost the whole procedure table: `Prosedur: (hilang)` with no step or lost range under it. */
export function procedureLost(procedure: Procedure): boolean {
  return procedure.titleMarker === 'hilang' && procedure.steps.length === 0 && procedure.missing.length === 0;
}

/** The sheet of a lost procedure: its heading, then one framed cell saying so where the table would be. */
export function lostProcedurePage(procedureIndex: number, title: string, number: string, width: number): PageLayout {
  const heading = pageHeading(title, [number, 'Lembar 1 dari 1'].filter(Boolean).join(' · '), width);
  const lines = wrapText(MISSING_TABLE, width - 2 * CELL_PADDING_X, { fontSize: FONT.title, bold: true });
  const textHeight = lines.length * FONT.title * LINE_HEIGHT_EM;
  const height = textHeight + 8 * CELL_PADDING_Y;
  const top = heading.height;
  return {
    procedureIndex,
    sheet: 1,
    sheetCount: 1,
    width,
    height: top + height,
    title: heading.title,
    info: heading.info,
    columns: [],
    actorAreas: [],
    headerCells: [],
    cells: [
      {
        role: LOST_TABLE_ROLE,
        x: 0,
        y: top,
        width,
        height,
        text: { lines, x: width / 2, y: top + (height - textHeight) / 2, fontSize: FONT.title, anchor: 'middle', bold: true },
      },
    ],
    symbols: [],
    routes: [],
    connectors: [],
    steps: [],
  };
}
