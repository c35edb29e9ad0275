/** Placing each page's rows, cells and symbols: everything but the arrows (routes.ts). */
import type { Procedure } from '../../../ast/types.js';
import { NO_ACTOR_ID, stepActorIds } from './columns.js';
import { headerCells, pageHeading } from './header.js';
import { LaneAllocator, symbolWidth } from './lanes.js';
import type { MeasuredRow } from './rows.js';
import { CELL_PADDING_X, CELL_PADDING_Y, CONNECTOR_ZONE, FONT, SYMBOL } from './style.js';
import type { Cell, Column, ColumnKind, PageLayout, PlacedSymbol, TextBlock } from './types.js';

export interface StepGeometry {
  page: number;
  rowTop: number;
  rowBottom: number;
  symbols: PlacedSymbol[];
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
        const symbols = placeSymbols(spec, stepIndex, y + zoneTop, y + height - zoneBottom);
        layout.symbols.push(...symbols);
        layout.steps.push(stepIndex);
        steps.set(stepIndex, { page: pageIndex, rowTop: y, rowBottom: y + height, symbols });
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
  return stepActorIds(step).map((actorId) => {
    const column = spec.columns.find((c) => c.kind === 'actor' && c.actorId === actorId)!;
    const width = symbolWidth(column);
    const cx = column.x + column.width / 2;
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
