/**
 * `soplint render --format docx`: the official form as a Word document the Bagian Organisasi can
 * edit. The identity sheet and every flowchart sheet are Word tables in the official layout (A4
 * landscape, the HTML form's columns and row heights, the two header rows repeated if Word breaks a
 * table), each sheet on its own page as the HTML form prints it. Every text is editable Word text in
 * DejaVu Sans, embedded in the file.
 *
 * The flowchart: in each body row the actor columns are one merged cell holding a vector picture
 * (SVG) of that row's band of the form's drawing, cut from the same layout the SVG and PDF forms are
 * drawn from: the actor columns' rules, the symbols, arrows, decision labels and connectors. The
 * bands meet at the row borders, so arrows run on from row to row, and each symbol sits in its
 * actor's column under that column's header. See docs/form.md for why not Word shapes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { SopDocument } from '../../ast/types.js';
import type { Emitter, RenderInput } from '../registry.js';
import { layoutDocument } from '../form/layout/document.js';
import { CELL_PADDING_X, CELL_PADDING_Y, FONT } from '../form/layout/style.js';
import type { Cell, PageLayout } from '../form/layout/types.js';
import { pageElements } from '../form/svg/page.js';
import { num } from '../form/svg/primitives.js';
import { printedSize, SVG_NS, SVG_TEXT_CSS } from '../form/svg/sheet.js';
import { documentName } from '../form/svg-emitter.js';
import { LOST_TABLE_ROLE, NOTICE_GAP } from '../form/layout/notice.js';
import { LINE_HEIGHT_EM } from '../form/text/metrics.js';
import { fontFile } from '../office/fonts.js';
import { identityModel, type IdentityModel } from '../office/identity.js';
import { SIGNATURE_HEIGHT_MM } from '../form/html/identity-sheet.js';
import { rasterize } from '../office/raster.js';
import { LOGO_GAP, type LogoPicture, logoPicture } from '../office/logo.js';
import type { Logo } from '../../io/logo-file.js';

const FONT_NAME = 'DejaVu Sans';
/** Layout units are CSS px: 1 px = 0.75 pt = 15 twips. */
const TWIPS_PER_UNIT = 15;
const MM = 56.7; // twips
const MARGIN = Math.round(10 * MM);
const A4 = { width: 11906, height: 16838 };
const PRINTABLE_WIDTH = A4.height - 2 * MARGIN;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE };

/** Half-points from a size in layout units (px). */
const halfPoints = (px: number) => Math.max(2, Math.round(px * 0.75 * 2));

function run(text: string, px: number, options: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT_NAME, size: halfPoints(px), bold: options.bold, italics: options.italic });
}

/** A paragraph with the form's exact line height, so rows keep the heights they were laid out with. */
function para(
  text: string,
  px: number,
  options: {
    bold?: boolean;
    italic?: boolean;
    align?: 'left' | 'center' | 'right';
    indent?: number;
    hanging?: number;
    pageBreakBefore?: boolean;
    spaceAfter?: number;
  } = {},
): Paragraph {
  const alignment = options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new Paragraph({
    children: text ? [run(text, px, options)] : [],
    alignment,
    spacing: { before: 0, after: options.spaceAfter ?? 0, line: Math.round(px * LINE_HEIGHT_EM * TWIPS_PER_UNIT), lineRule: LineRuleType.EXACT },
    indent: options.indent || options.hanging ? { left: options.indent ?? 0, hanging: options.hanging } : undefined,
    pageBreakBefore: options.pageBreakBefore,
  });
}

// ---------------------------------------------------------------------------------------------
// Flowchart sheets

interface Row {
  top: number;
  height: number;
  cells: Cell[];
}

/** The body cells of a page grouped into rows (cells of one row share their top). */
function bodyRows(page: PageLayout): Row[] {
  const rows = new Map<number, Row>();
  for (const cell of page.cells) {
    const row = rows.get(cell.y) ?? { top: cell.y, height: cell.height, cells: [] };
    row.cells.push(cell);
    rows.set(cell.y, row);
  }
  return [...rows.values()].sort((a, b) => a.top - b.top);
}

/** The picture of one row's band across the actor columns: a window onto the page's drawing. */
function bandSvg(page: PageLayout, x: number, width: number, row: Row): string {
  const drawing: PageLayout = {
    ...page,
    title: { ...page.title, lines: [] },
    info: { ...page.info, lines: [] },
    headerCells: [],
    // The actor columns' own rules; the other cells are Word's.
    cells: page.cells.filter((c) => c.role === 'actor' || c.role === 'note-actor'),
    actorAreas: [],
  };
  return [
    `<svg xmlns="${SVG_NS}" viewBox="${num(x)} ${num(row.top)} ${num(width)} ${num(row.height)}" width="${num(width)}" height="${num(row.height)}">`,
    `<style>${SVG_TEXT_CSS}</style>`,
    `<g font-family="${FONT_NAME}">${pageElements(drawing)}</g>`,
    '</svg>',
  ].join('');
}

function cellText(cell: Cell, scale: number): Paragraph[] {
  if (!cell.text || cell.text.lines.length === 0) return [para('', FONT.body * scale)];
  const align = cell.text.anchor === 'middle' ? 'center' : cell.text.anchor === 'end' ? 'right' : 'left';
  // One paragraph per cell: the wrapped lines joined again, so the text edits as the sentence it is.
  return [para(cell.text.lines.join(' '), cell.text.fontSize * scale, { bold: cell.text.bold, italic: cell.text.italic, align })];
}

function textCell(cell: Cell, scale: number, span: { columnSpan?: number; rowSpan?: number } = {}, header = false): TableCell {
  return new TableCell({
    children: cellText(cell, scale),
    columnSpan: span.columnSpan,
    rowSpan: span.rowSpan,
    verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    borders: ALL_LINES,
    margins: {
      top: Math.round(header ? 0 : CELL_PADDING_Y * TWIPS_PER_UNIT * scale),
      bottom: 0,
      left: Math.round(CELL_PADDING_X * TWIPS_PER_UNIT * scale),
      right: Math.round(CELL_PADDING_X * TWIPS_PER_UNIT * scale),
    },
  });
}

const exact = (units: number, scale: number) => ({ value: Math.round(units * TWIPS_PER_UNIT * scale), rule: HeightRule.EXACT });

async function flowSheet(page: PageLayout, first: boolean): Promise<Array<Paragraph | Table>> {
  const lost = page.cells.find((c) => c.role === LOST_TABLE_ROLE);
  if (lost) return lostTableSheet(page, lost, first);
  const { scale } = printedSize(page);
  const columns = page.columns;
  const actors = columns.filter((c) => c.kind === 'actor');
  const header = (role: string) => page.headerCells.find((c) => c.role === role);
  const headingTop = Math.min(...page.headerCells.map((c) => c.y));
  const upper = header('header-mutu-baku')!;
  const lowerHeight = Math.max(...page.headerCells.map((c) => c.y + c.height)) - upper.y - upper.height;

  const heading = sheetHeading(page, headingTop, first);

  // The two header rows, repeated at the top of every page the table runs onto.
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (const column of columns) {
    if (column.kind === 'no' || column.kind === 'kegiatan' || column.kind === 'keterangan')
      top.push(textCell(header(`header-${column.kind}`)!, scale, { rowSpan: 2 }, true));
    else if (column.kind === 'actor') {
      if (column === actors[0]) top.push(textCell(header('header-pelaksana')!, scale, { columnSpan: actors.length }, true));
      bottom.push(textCell(page.headerCells.find((c) => c.role === 'header-actor' && c.x === column.x)!, scale, {}, true));
    } else {
      if (column.kind === 'kelengkapan') top.push(textCell(upper, scale, { columnSpan: 3 }, true));
      bottom.push(textCell(header(`header-${column.kind}`)!, scale, {}, true));
    }
  }
  const rows = [
    new TableRow({ children: top, tableHeader: true, cantSplit: true, height: exact(upper.height, scale) }),
    new TableRow({ children: bottom, tableHeader: true, cantSplit: true, height: exact(lowerHeight, scale) }),
  ];

  // Body rows: the text cells, and the actor columns as one cell holding the row's band picture.
  const bandX = actors.length ? actors[0].x : 0;
  const bandWidth = actors.reduce((sum, c) => sum + c.width, 0);
  const body = bodyRows(page);
  const svgs = body.map((row) => bandSvg(page, bandX, bandWidth, row));
  const pngs = actors.length ? await rasterize(svgs) : [];
  for (const [r, row] of body.entries()) {
    const cells: TableCell[] = [];
    for (const column of columns) {
      if (column.kind === 'actor') {
        if (column !== actors[0]) continue;
        const picture = new ImageRun({
          type: 'svg',
          data: Buffer.from(svgs[r]),
          fallback: { type: 'png', data: pngs[r] },
          transformation: { width: bandWidth * scale, height: row.height * scale },
          altText: { name: 'Bagan alir', title: 'Bagan alir', description: 'Simbol dan panah bagan alir pada kolom pelaksana' },
        });
        cells.push(
          new TableCell({
            children: [new Paragraph({ children: [picture], spacing: { before: 0, after: 0 } })],
            columnSpan: actors.length,
            borders: ALL_LINES,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
          }),
        );
        continue;
      }
      cells.push(textCell(row.cells.find((c) => c.x === column.x)!, scale));
    }
    rows.push(new TableRow({ children: cells, cantSplit: true, height: exact(row.height, scale) }));
  }
  const table = new Table({
    rows,
    columnWidths: columns.map((c) => Math.round(c.width * TWIPS_PER_UNIT * scale)),
    width: { size: Math.round(columns.reduce((sum, c) => sum + c.width, 0) * TWIPS_PER_UNIT * scale), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  if (!page.notice) return [heading, table];
  // The line above the table of an SOP whose identity sheet is lost.
  const notice = page.notice.lines.map((line, i) =>
    para(line, page.notice!.fontSize * scale, {
      italic: true,
      spaceAfter: i === page.notice!.lines.length - 1 ? Math.round(NOTICE_GAP * TWIPS_PER_UNIT * scale) : 0,
    }),
  );
  return [heading, ...notice, table];
}

/** A sheet's heading: the procedure's title at the left, the number and sheet at the right (a right tab), down to `top`. */
function sheetHeading(page: PageLayout, top: number, first: boolean): Paragraph {
  const { scale } = printedSize(page);
  return new Paragraph({
    children: [
      run(page.title.lines.join(' '), page.title.fontSize * scale, { bold: true }),
      new TextRun({ text: '\t', font: FONT_NAME }),
      run(page.info.lines.join(' '), page.info.fontSize * scale),
    ],
    tabStops: [{ type: TabStopType.RIGHT, position: Math.round(page.width * TWIPS_PER_UNIT * scale) }],
    spacing: {
      before: 0,
      after: Math.max(0, Math.round((top - page.title.fontSize * LINE_HEIGHT_EM) * TWIPS_PER_UNIT * scale)),
      line: Math.round(page.title.fontSize * LINE_HEIGHT_EM * TWIPS_PER_UNIT * scale),
      lineRule: LineRuleType.EXACT,
    },
    pageBreakBefore: !first,
    keepNext: true,
  });
}

/** The sheet of a procedure lost in the source: its heading, and a one-cell table saying so. */
function lostTableSheet(page: PageLayout, lost: Cell, first: boolean): Array<Paragraph | Table> {
  const { scale } = printedSize(page);
  const heading = sheetHeading(page, lost.y, first);
  const cell = new TableCell({
    children: cellText(lost, scale),
    verticalAlign: VerticalAlignTable.CENTER,
    borders: ALL_LINES,
    margins: { top: 0, bottom: 0, left: Math.round(CELL_PADDING_X * TWIPS_PER_UNIT * scale), right: Math.round(CELL_PADDING_X * TWIPS_PER_UNIT * scale) },
  });
  const table = new Table({
    rows: [new TableRow({ children: [cell], cantSplit: true, height: exact(lost.height, scale) })],
    columnWidths: [Math.round(lost.width * TWIPS_PER_UNIT * scale)],
    width: { size: Math.round(lost.width * TWIPS_PER_UNIT * scale), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  return [heading, table];
}

// ---------------------------------------------------------------------------------------------
// Identity sheet (sizes as the HTML form prints it: 9 pt text, 12 pt unit header)

const ID_TEXT = 12; // px (9 pt)
const ID_UNIT = 16; // px (12 pt)
const ID_MARGINS = { top: Math.round(1.2 * MM), bottom: Math.round(1.2 * MM), left: Math.round(2 * MM), right: Math.round(2 * MM) };

function idParagraphs(lines: string[], options: { bold?: boolean } = {}): Paragraph[] {
  if (lines.length === 0) return [para('', ID_TEXT)];
  return lines.map((line) => {
    const item = /^(\d+\.) /.exec(line);
    // A numbered item hangs its number in a 5 mm indent, as the HTML's <ol>.
    return item ? para(line, ID_TEXT, { ...options, indent: Math.round(5 * MM), hanging: Math.round(5 * MM) }) : para(line, ID_TEXT, options);
  });
}

/** Disahkan oleh: the position, a blank as tall as the place to sign and stamp, the name and the NIP. */
function signatureParagraphs(position: string[], signature: { name: string; nip: string }): Paragraph[] {
  const gap = new Paragraph({ children: [], spacing: { before: 0, after: 0, line: Math.round(SIGNATURE_HEIGHT_MM * MM), lineRule: LineRuleType.EXACT } });
  const name = new Paragraph({
    children: [new TextRun({ text: signature.name, font: FONT_NAME, size: halfPoints(ID_TEXT), bold: true, underline: {} })],
    spacing: { before: 0, after: 0, line: Math.round(ID_TEXT * LINE_HEIGHT_EM * TWIPS_PER_UNIT), lineRule: LineRuleType.EXACT },
  });
  return [...position.map((line) => para(line, ID_TEXT)), gap, name, para(signature.nip, ID_TEXT)];
}

function idCell(children: Paragraph[], options: { columnSpan?: number; rowSpan?: number; shade?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    borders: ALL_LINES,
    margins: ID_MARGINS,
    verticalAlign: options.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F0F0' } : undefined,
  });
}

/** The logo centred above the unit's name, 2 mm apart, as the HTML form prints it. */
function logoParagraph(logo: LogoPicture): Paragraph {
  const transformation = { width: logo.width, height: logo.height };
  const altText = { name: 'Logo', title: 'Logo', description: 'Logo instansi' };
  const image = logo.svg
    ? new ImageRun({ type: 'svg', data: Buffer.from(logo.svg), fallback: { type: 'png', data: logo.data }, transformation, altText })
    : new ImageRun({ type: logo.type, data: logo.data, transformation, altText });
  return new Paragraph({ children: [image], alignment: AlignmentType.CENTER, spacing: { before: 0, after: Math.round(LOGO_GAP * TWIPS_PER_UNIT) } });
}

function identitySheet(model: Exclude<IdentityModel, { kind: 'none' }>, logo?: LogoPicture): Array<Paragraph | Table> {
  if (model.kind === 'missing') return [para(model.message, FONT.body, { italic: true })];
  const widths = [0.25, 0.25, 0.16, 0.34].map((f) => Math.round(PRINTABLE_WIDTH * f));
  const rows: TableRow[] = model.head.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          ...(i === 0
            ? [
                idCell(
                  [
                    ...(logo ? [logoParagraph(logo)] : []),
                    ...model.unit.flatMap((line, j) => [...(j ? [para('', ID_TEXT / 2)] : []), para(line, ID_UNIT, { bold: true, align: 'center' })]),
                  ],
                  { columnSpan: 2, rowSpan: model.head.length, center: true },
                ),
              ]
            : []),
          idCell(idParagraphs([row.label], { bold: true })),
          idCell(row.signature ? signatureParagraphs(row.lines, row.signature) : idParagraphs(row.lines)),
        ],
      }),
  );
  for (const [left, right] of model.pairs) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          idCell(idParagraphs([left.label], { bold: true }), { columnSpan: 2, shade: true }),
          idCell(idParagraphs([right.label], { bold: true }), { columnSpan: 2, shade: true }),
        ],
      }),
    );
    rows.push(
      new TableRow({
        height: { value: Math.round(16 * MM), rule: HeightRule.ATLEAST },
        children: [idCell(idParagraphs(left.paragraphs), { columnSpan: 2 }), idCell(idParagraphs(right.paragraphs), { columnSpan: 2 })],
      }),
    );
  }
  if (model.foot) {
    rows.push(new TableRow({ cantSplit: true, children: [idCell(idParagraphs([model.foot.label], { bold: true }), { columnSpan: 4, shade: true })] }));
    rows.push(
      new TableRow({
        height: { value: Math.round(16 * MM), rule: HeightRule.ATLEAST },
        children: [idCell(idParagraphs(model.foot.paragraphs), { columnSpan: 4 })],
      }),
    );
  }
  const parts: Array<Paragraph | Table> = [
    new Table({ rows, columnWidths: widths, width: { size: PRINTABLE_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED }),
  ];
  if (model.paraf.length) {
    const width = Math.round(30 * MM);
    parts.push(para('', ID_TEXT, {}));
    parts.push(
      new Table({
        alignment: AlignmentType.RIGHT,
        columnWidths: model.paraf.map(() => width),
        width: { size: width * model.paraf.length, type: WidthType.DXA },
        rows: [
          new TableRow({ cantSplit: true, children: model.paraf.map((label) => idCell([para(label, ID_TEXT, { align: 'center' })])) }),
          new TableRow({ height: { value: Math.round(12 * MM), rule: HeightRule.EXACT }, children: model.paraf.map(() => idCell([para('', ID_TEXT)])) }),
        ],
      }),
    );
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------

/** `logo`: the office's logo, printed in the identity sheet's head. */
export async function renderDocx(document: SopDocument, logo?: Logo | null): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  // As wide as the unit's cell inside its margins at most.
  const picture = logo ? await logoPicture(logo, (PRINTABLE_WIDTH * 0.5 - ID_MARGINS.left - ID_MARGINS.right) / TWIPS_PER_UNIT) : undefined;
  const pages = layoutDocument(document);
  const identity = identityModel(document.identity);
  // A lost identity sheet is said above the first table (form/layout/notice.ts) when there is one.
  if (identity.kind === 'sheet' || (identity.kind === 'missing' && !pages.some((page) => page.notice))) children.push(...identitySheet(identity, picture));
  for (const page of pages) children.push(...(await flowSheet(page, children.length === 0)));
  if (document.procedures.length === 0) children.push(para('Tidak ada tabel prosedur.', FONT.title, { pageBreakBefore: children.length > 0 }));
  const judul = document.identity.judul?.text?.text;
  const nomor = document.identity.nomor?.text?.text;
  const doc = new Document({
    title: judul ?? documentName(document),
    subject: nomor,
    creator: 'soplint',
    // Both faces of the form's font, embedded so the form looks the same on a PC without it.
    fonts: [{ name: FONT_NAME, data: fontFile('regular'), bold: fontFile('bold') }],
    styles: { default: { document: { run: { font: FONT_NAME, size: halfPoints(FONT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 0, footer: 0 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const docxEmitter: Emitter = {
  format: 'docx',
  extension: 'docx',
  binary: true,
  render: ({ document, logo }: RenderInput) => renderDocx(document, logo),
};
