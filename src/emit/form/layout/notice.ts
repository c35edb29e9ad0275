/**
 * A line printed above the first flowchart table of an SOP whose identity sheet is lost
 * (`Identitas: (hilang)`): the form says so there, instead of spending a page on one sentence.
 */
import type { Identity } from '../../../ast/types.js';
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { FONT } from './style.js';
import type { PageLayout } from './types.js';

export const MISSING_IDENTITY = 'Lembar identitas SOP tidak ada dalam sumber.';
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
