/**
 * PDFKit drawing of the form's laid-out pages, in layout units (the caller scales): the same
 * elements, order and strokes as the SVG writer (src/emit/form/svg/page.ts).
 */
import { FONT } from '../form/layout/style.js';
import type { Cell, Connector, PageLayout, PlacedSymbol, Point, Route, TextBlock } from '../form/layout/types.js';
import { arrowLine } from '../form/svg/primitives.js';
import { stubEnd } from '../form/layout/stub.js';
import { connectorShape } from '../form/layout/connector-shape.js';
import { ASCENT_EM, DESCENT_EM, LINE_HEIGHT_EM, textWidth } from '../form/text/metrics.js';

export interface Painter {
  doc: PDFKit.PDFDocument;
}

const INK = '#000000';
/** Text is drawn exactly as measured (as the SVG asks with font-kerning:none): no kerning, no ligatures. */
const NO_FEATURES = { kern: false, liga: false, clig: false, calt: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
/** Where the baseline of a line sits below the top of its line box (as in svg/primitives.ts). */
const BASELINE_EM = (LINE_HEIGHT_EM - ASCENT_EM - DESCENT_EM) / 2 + ASCENT_EM;

/** One line of text with its baseline at `y`, anchored at `x` like SVG's text-anchor. */
export function drawLine(
  p: Painter,
  text: string,
  x: number,
  y: number,
  fontSize: number,
  options: { bold?: boolean; anchor?: 'start' | 'middle' | 'end' } = {},
): void {
  if (!text) return;
  const width = textWidth(text, fontSize, options.bold);
  const left = options.anchor === 'middle' ? x - width / 2 : options.anchor === 'end' ? x - width : x;
  p.doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(fontSize)
    .fillColor(INK)
    .text(text, left, y, { lineBreak: false, baseline: 'alphabetic', features: NO_FEATURES });
}

export function drawTextBlock(p: Painter, block: TextBlock): void {
  const lineHeight = block.fontSize * LINE_HEIGHT_EM;
  block.lines.forEach((line, i) => {
    drawLine(p, line, block.x, block.y + i * lineHeight + BASELINE_EM * block.fontSize, block.fontSize, { bold: block.bold, anchor: block.anchor });
  });
}

export function strokeRect(p: Painter, x: number, y: number, width: number, height: number, lineWidth: number): void {
  p.doc.rect(x, y, width, height).lineWidth(lineWidth).strokeColor(INK).stroke();
}

function polygon(p: Painter, points: Point[]): PDFKit.PDFDocument {
  return p.doc.polygon(...points);
}

function cell(p: Painter, c: Cell): void {
  strokeRect(p, c.x, c.y, c.width, c.height, 0.75);
  if (c.text) drawTextBlock(p, c.text);
}

function symbol(p: Painter, s: PlacedSymbol): void {
  const { doc } = p;
  doc.lineWidth(1.2).strokeColor(INK).fillColor('#ffffff');
  if (s.kind === 'decision') {
    polygon(p, [
      [s.cx, s.y],
      [s.x + s.width, s.cy],
      [s.cx, s.y + s.height],
      [s.x, s.cy],
    ]);
  } else if (s.kind === 'terminator') {
    doc.roundedRect(s.x, s.y, s.width, s.height, s.height / 2);
  } else {
    doc.rect(s.x, s.y, s.width, s.height);
  }
  if (s.dashed) doc.dash(4, { space: 2.5 });
  doc.fillAndStroke('#ffffff', INK);
  if (s.dashed) doc.undash();
}

function route(p: Painter, r: Route): void {
  const { doc } = p;
  const { line, head } = arrowLine(r.points, r.arrow);
  if (line.length >= 2) {
    doc.moveTo(line[0][0], line[0][1]);
    for (const [x, y] of line.slice(1)) doc.lineTo(x, y);
    if (r.dashed) doc.dash(3, { space: 2 });
    doc.lineWidth(0.9).lineJoin('miter').strokeColor(INK).stroke();
    if (r.dashed) doc.undash();
  }
  if (head) {
    polygon(p, head);
    doc.fill(INK);
  }
  const end = stubEnd(r);
  if (end) {
    doc.roundedRect(end.x, end.y, end.width, end.height, end.height / 2).lineWidth(0.9);
    if (r.kind === 'unknown') doc.dash(2, { space: 1.5 });
    doc.fillAndStroke('#ffffff', INK);
    if (r.kind === 'unknown') doc.undash();
  }
  if (r.label) {
    // A label wrapped to its column prints line by line, as the SVG form does.
    const { text, x, y, anchor, lines } = r.label;
    (lines?.length ? lines : [text]).forEach((line, i) => drawLine(p, line, x, y + i * FONT.label * LINE_HEIGHT_EM, FONT.label, { anchor }));
  }
}

function connector(p: Painter, c: Connector): void {
  const { points, letterBaseline } = connectorShape(c);
  polygon(p, points);
  p.doc.lineWidth(1).fillAndStroke('#ffffff', INK);
  const fontSize = c.size >= 14 ? FONT.connector : FONT.connector - 1;
  drawLine(p, c.letter, c.cx, letterBaseline, fontSize, { bold: true, anchor: 'middle' });
}

/** One flowchart page, in the SVG writer's order: heading, table, arrows, symbols, connectors. */
export function drawFlowPage(p: Painter, page: PageLayout): void {
  drawTextBlock(p, page.title);
  drawTextBlock(p, page.info);
  if (page.notice) drawTextBlock(p, page.notice);
  for (const c of page.headerCells) cell(p, c);
  for (const c of page.cells) cell(p, c);
  for (const r of page.routes) route(p, r);
  for (const s of page.symbols) symbol(p, s);
  for (const c of page.connectors) connector(p, c);
}

/** A page that only says something ("Tidak ada tabel prosedur."). */
export function drawMessage(p: Painter, message: string, fontSize: number = FONT.body): void {
  drawLine(p, message, 8, 24, fontSize);
}
