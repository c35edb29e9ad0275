/** The laid-out official flowchart table: everything the SVG writer draws, in user units (CSS px). */
import type { SymbolKind } from '../../../ast/types.js';

export type ColumnKind = 'no' | 'kegiatan' | 'actor' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

export interface Column {
  kind: ColumnKind;
  x: number;
  width: number;
  /** Header text: the actor's label for an actor column. */
  header: string;
  /** The actor id for an actor column. */
  actorId?: string;
}

/** Wrapped text, positioned: `y` is the top of the first line box. */
export interface TextBlock {
  lines: string[];
  x: number;
  y: number;
  fontSize: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  italic?: boolean;
}

export interface Cell {
  /** What the cell holds: a column kind of a step row, a header, or a note. */
  role: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: TextBlock | null;
  /** The step's index in its procedure, for body cells. */
  stepIndex?: number;
}

export interface PlacedSymbol {
  stepIndex: number;
  /** The step number as written ("?" when it has none). */
  stepLabel: string;
  actorId: string;
  kind: SymbolKind;
  x: number;
  y: number;
  width: number;
  height: number;
  cx: number;
  cy: number;
  /** Drawn with a dashed outline: the step's actor cannot be read in the source ('[?]') or is not written. */
  dashed?: boolean;
  /**
   * A co-actor's mark: a decision of several actors is drawn once, as one diamond with its exits, in
   * its first actor's column; each other actor's column gets this small box joined to it by a line.
   */
  coActor?: boolean;
}

export interface EdgeLabel {
  text: string;
  /** The baseline of the first line. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The label wrapped to its column when it is too wide for one line (`text` is the whole label). */
  lines?: string[];
}

export type Point = [number, number];

export interface Route {
  /** `end`: a flow to `selesai`, ending at a small end capsule; `unknown`: a flow to a target lost in the source ('?'). */
  kind: 'flow' | 'return' | 'link' | 'off-page' | 'end' | 'unknown';
  points: Point[];
  arrow: boolean;
  /** A dashed line: a flow whose target is lost in the source. */
  dashed?: boolean;
  label?: EdgeLabel;
  /** Step indices the route joins. */
  from: number;
  to: number;
}

/** An off-page connector: a pentagon with a letter, drawn in pairs (`out` on one page, `in` on another). */
export interface Connector {
  letter: string;
  role: 'out' | 'in';
  cx: number;
  y: number;
  size: number;
  /** The way the pentagon points: the way the flow goes (down, or up for a return); default down. */
  pointing?: 'down' | 'up';
}

export interface PageLayout {
  procedureIndex: number;
  /** 1-based, within the procedure. */
  sheet: number;
  sheetCount: number;
  width: number;
  height: number;
  title: TextBlock;
  info: TextBlock;
  /** A line between the heading and the table (the first page of an SOP whose identity sheet is lost). */
  notice?: TextBlock;
  columns: Column[];
  /** Body area of each actor column on this page (symbols must lie inside). */
  actorAreas: Array<{ actorId: string; x: number; y: number; width: number; height: number }>;
  headerCells: Cell[];
  cells: Cell[];
  symbols: PlacedSymbol[];
  routes: Route[];
  connectors: Connector[];
  /** Step indices on this page, in order. */
  steps: number[];
}
