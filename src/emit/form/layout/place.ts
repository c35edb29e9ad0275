/** Placing each page's rows, cells and symbols: everything but the arrows (routes.ts). */
import type { Procedure } from '../../../ast/types.js';
import { NO_ACTOR_ID, stepActorIds } from './columns.js';
import { headerCells, pageHeading } from './header.js';
import { diamondWidth, LaneAllocator, symbolWidth } from './lanes.js';
import type { MeasuredRow } from './rows.js';
import { CELL_PADDING_X, CELL_PADDING_Y, CONNECTOR_ZONE, FONT, SYMBOL } from './style.js';
import type { Cell, Column, ColumnKind, PageLayout, PlacedSymbol, TextBlock } from './types.js';

export interface StepGeometry {
  page: number;
  rowTop: number;
  rowBottom: number;
  /** The symbols the step's arrows join (one diamond for a decision, one copy per actor otherwise). */
  symbols: PlacedSymbol[];
  /** The marks of a decision's co-actors, each joined to its diamond by a line. */
  marks?: PlacedSymbol[];
}

export interface PlacedPage {
  layout: PageLayout;
  lanes: LaneAllocator;
  tableTop: number;
  tableBottom: number;
}

export interface PageSpec {
  procedure: Procedure;
  procedureIndex: number;
  columns: Column[];
  width: number;
  title: string;
  /** "SOP-506/BKBPM", or '' */
  number: string;
}

const CENTERED: ColumnKind[] = ['no', 'waktu'];
/** The small dashed box in a co-actor's column of a decision of several actors. */
const CO_ACTOR_MARK = { width: 28, height: 14 };

function bodyText(lines: string[], column: Column, top: number): TextBlock {
  const centered = CENTERED.includes(column.kind);
  return {
    lines,
    x: centered ? column.x + column.width / 2 : column.x + CELL_PADDING_X,
    y: top + CELL_PADDING_Y,
    fontSize: FONT.body,
    anchor: centered ? 'middle' : 'start',
  };
}

export function placePages(spec: PageSpec, pagesRows: MeasuredRow[][]): { pages: PlacedPage[]; steps: Map<number, StepGeometry> } {
  const steps = new Map<number, StepGeometry>();
  const pages = pagesRows.map((rows, pageIndex) => {
    const sheetInfo = [spec.number, `Lembar ${pageIndex + 1} dari ${pagesRows.length}`].filter(Boolean).join(' · ');
    const heading = pageHeading(spec.title, sheetInfo, spec.width);
    const header = headerCells(spec.columns, heading.height);
    const tableTop = heading.height + header.height;
    const layout: PageLayout = {
      procedureIndex: spec.procedureIndex,
      sheet: pageIndex + 1,
      sheetCount: pagesRows.length,
      width: spec.width,
      height: 0,
      title: heading.title,
      info: heading.info,
      columns: spec.columns,
      actorAreas: [],
      headerCells: header.cells,
      cells: [],
      symbols: [],
      routes: [],
      connectors: [],
      steps: [],
    };
    let y = tableTop;
    rows.forEach((row, rowIndex) => {
      const zoneTop = rowIndex === 0 && pageIndex > 0 ? CONNECTOR_ZONE : 0;
      const zoneBottom = rowIndex === rows.length - 1 && pageIndex < pagesRows.length - 1 ? CONNECTOR_ZONE : 0;
      const height = row.height + zoneTop + zoneBottom;
      layout.cells.push(...rowCells(spec.columns, row, y, height));
      if (row.kind === 'step') {
        const stepIndex = row.stepIndex!;
        const all = placeSymbols(spec, stepIndex, y + zoneTop, y + height - zoneBottom);
        layout.symbols.push(...all);
        layout.steps.push(stepIndex);
        const symbols = all.filter((s) => !s.coActor);
        const marks = all.filter((s) => s.coActor);
        steps.set(stepIndex, { page: pageIndex, rowTop: y, rowBottom: y + height, symbols, ...(marks.length ? { marks } : {}) });
      }
      y += height;
    });
    layout.height = y + 1;
    for (const column of spec.columns) {
      if (column.kind === 'actor') layout.actorAreas.push({ actorId: column.actorId!, x: column.x, y: tableTop, width: column.width, height: y - tableTop });
    }
    return { layout, lanes: new LaneAllocator(), tableTop, tableBottom: y };
  });
  return { pages, steps };
}

function rowCells(columns: Column[], row: MeasuredRow, top: number, height: number): Cell[] {
  return columns.map((column) => {
    const lines = column.kind === 'actor' ? undefined : row.lines[column.kind];
    const text = lines?.length ? bodyText(lines, column, top) : null;
    if (text && row.kind === 'note') text.italic = true;
    const role = row.kind === 'note' ? `note-${column.kind}` : column.kind;
    return { role, x: column.x, y: top, width: column.width, height, text, stepIndex: row.stepIndex };
  });
}

function placeSymbols(spec: PageSpec, stepIndex: number, top: number, bottom: number): PlacedSymbol[] {
  const step = spec.procedure.steps[stepIndex];
  const cy = (top + bottom) / 2;
  const height = step.symbol === 'decision' ? SYMBOL.diamondHeight : SYMBOL.height;
  const actorIds = stepActorIds(step);
  const columnOf = (actorId: string) => spec.columns.find((c) => c.kind === 'actor' && c.actorId === actorId)!;
  // A decision is one diamond: in its first actor's column, or its leftmost when that one lies between the others.
  let decider = actorIds[0];
  if (step.symbol === 'decision' && actorIds.length > 2) {
    const xs = actorIds.map((id) => columnOf(id).x);
    const own = columnOf(decider).x;
    if (own > Math.min(...xs) && own < Math.max(...xs)) decider = actorIds[xs.indexOf(Math.min(...xs))];
  }
  return actorIds.map((actorId) => {
    const column = columnOf(actorId);
    const cx = column.x + column.width / 2;
    if (step.symbol === 'decision' && actorId !== decider) {
      const width = Math.min(symbolWidth(column), CO_ACTOR_MARK.width);
      return {
        stepIndex,
        stepLabel: step.number === null ? '?' : String(step.number),
        actorId,
        kind: 'process' as const,
        coActor: true,
        x: cx - width / 2,
        y: cy - CO_ACTOR_MARK.height / 2,
        width,
        height: CO_ACTOR_MARK.height,
        cx,
        cy,
      };
    }
    const width = step.symbol === 'decision' ? diamondWidth(column) : symbolWidth(column);
    return {
      stepIndex,
      stepLabel: step.number === null ? '?' : String(step.number),
      actorId,
      kind: step.symbol,
      x: cx - width / 2,
      y: cy - height / 2,
      width,
      height,
      cx,
      cy,
      ...(actorId === NO_ACTOR_ID ? { dashed: true } : {}),
    };
  });
}
