/**
 * The identity sheet drawn as the HTML form prints it (src/emit/form/html/styles.ts): the unit's
 * header over half the width beside the head rows (label | value), then the three pairs of fields,
 * then the Paraf boxes at the right. Sizes are in layout units (CSS px): 9 pt text, 12 pt unit header.
 */
import { ASCENT_EM, DESCENT_EM, textWidth } from '../form/text/metrics.js';
import { wrapText } from '../form/text/wrap.js';
import type { IdentityModel } from '../office/identity.js';
import { LOGO_GAP, type LogoPicture } from '../office/logo.js';
import { SIGNATURE_HEIGHT_MM } from '../form/html/identity-sheet.js';
import { drawLine, strokeRect, type Painter } from './draw.js';

type Sheet = Extract<IdentityModel, { kind: 'sheet' }>;

const MM = 96 / 25.4;
const WIDTH = 277 * MM;
const PAD = { x: 2 * MM, y: 1.2 * MM };
const TEXT = 12; // 9 pt
const UNIT_TEXT = 16; // 12 pt
const COLUMNS = { unit: WIDTH * 0.5, label: WIDTH * 0.16, value: WIDTH * 0.34 };
const PAIR_BODY_MIN = 16 * MM;
const SIGNATURE = SIGNATURE_HEIGHT_MM * MM;
const PARAF = { gap: 4 * MM, minWidth: 30 * MM, box: 12 * MM };
/** The HTML form's line-height (1.3) for the identity sheet's text. */
const LINE_EM = 1.3;
const BASELINE_EM = (LINE_EM - ASCENT_EM - DESCENT_EM) / 2 + ASCENT_EM;
/** A numbered list's text starts this far right of its number, as the HTML's <ol> (padding 5 mm). */
const LIST_INDENT = 5 * MM;
const UNIT_GAP = 2 * MM;

const lineHeight = (fontSize: number) => fontSize * LINE_EM;

/** The widest a logo may print: the unit's cell inside its padding. */
export const LOGO_MAX_WIDTH = COLUMNS.unit - 2 * PAD.x;

/** A wrapped line; `indent` moves it right (the text of a numbered item, after its number). */
interface Line {
  text: string;
  indent: number;
}

function wrapAll(paragraphs: string[], width: number, fontSize: number, bold = false): Line[] {
  const room = width - 2 * PAD.x;
  return paragraphs.flatMap((paragraph) => {
    const item = /^(\d+\.) (.*)$/s.exec(paragraph);
    if (!item) return wrapText(paragraph, room, { fontSize, bold }).map((text) => ({ text, indent: 0 }));
    // The number hangs in the indent; the item's lines align after it.
    const lines = wrapText(item[2], room - LIST_INDENT, { fontSize, bold }).map((text) => ({ text, indent: LIST_INDENT }));
    if (lines.length) lines[0] = { text: `${item[1]} ${lines[0].text}`, indent: LIST_INDENT - textWidth(`${item[1]} `, fontSize, bold) };
    return lines;
  });
}

const boxHeight = (lines: number, fontSize = TEXT) => lines * lineHeight(fontSize) + 2 * PAD.y;

interface Laid {
  head: Array<{ label: Line[]; value: Line[]; signature: { name: Line[]; nip: Line[] } | null; height: number }>;
  unit: Line[][];
  pairs: Array<{ heads: [Line[], Line[]]; bodies: [Line[], Line[]]; headHeight: number; bodyHeight: number }>;
  paraf: { labels: Line[][]; widths: number[]; headHeight: number } | null;
  foot: { head: Line[]; body: Line[]; headHeight: number; bodyHeight: number } | null;
  height: number;
}

function layout(sheet: Sheet, logo?: LogoPicture): Laid {
  const head = sheet.head.map((row) => {
    const label = wrapAll([row.label], COLUMNS.label, TEXT, true);
    const value = wrapAll(row.lines, COLUMNS.value, TEXT);
    const signature = row.signature
      ? { name: wrapAll([row.signature.name], COLUMNS.value, TEXT, true), nip: wrapAll([row.signature.nip], COLUMNS.value, TEXT) }
      : null;
    const valueHeight = signature ? boxHeight(value.length + signature.name.length + signature.nip.length) + SIGNATURE : boxHeight(value.length);
    return { label, value, signature, height: Math.max(boxHeight(Math.max(label.length, 1)), valueHeight) };
  });
  const unit = sheet.unit.map((paragraph) => wrapAll([paragraph], COLUMNS.unit, UNIT_TEXT, true));
  const unitHeight = unitBlockHeight(unit, logo) + 2 * PAD.y;
  const headSum = head.reduce((sum, row) => sum + row.height, 0);
  if (unitHeight > headSum) head[head.length - 1].height += unitHeight - headSum;
  const half = WIDTH / 2;
  const pairs = sheet.pairs.map(([left, right]) => {
    const heads: [Line[], Line[]] = [wrapAll([left.label], half, TEXT, true), wrapAll([right.label], half, TEXT, true)];
    const bodies: [Line[], Line[]] = [wrapAll(left.paragraphs, half, TEXT), wrapAll(right.paragraphs, half, TEXT)];
    return {
      heads,
      bodies,
      headHeight: boxHeight(Math.max(heads[0].length, heads[1].length)),
      bodyHeight: Math.max(PAIR_BODY_MIN, boxHeight(Math.max(bodies[0].length, bodies[1].length))),
    };
  });
  let height = Math.max(headSum, unitHeight) + pairs.reduce((sum, p) => sum + p.headHeight + p.bodyHeight, 0);
  let foot: Laid['foot'] = null;
  if (sheet.foot) {
    const footHead = wrapAll([sheet.foot.label], WIDTH, TEXT, true);
    const body = wrapAll(sheet.foot.paragraphs, WIDTH, TEXT);
    foot = { head: footHead, body, headHeight: boxHeight(footHead.length), bodyHeight: Math.max(PAIR_BODY_MIN, boxHeight(body.length)) };
    height += foot.headHeight + foot.bodyHeight;
  }
  let paraf: Laid['paraf'] = null;
  if (sheet.paraf.length) {
    // Each box as wide as its label on one line (at least 30 mm), as the HTML table sizes them.
    const widths = sheet.paraf.map((label) => Math.min(WIDTH / sheet.paraf.length, Math.max(PARAF.minWidth, textWidth(label, TEXT) * 1.04 + 2 * PAD.x)));
    const labels = sheet.paraf.map((label, i) => wrapAll([label], widths[i], TEXT));
    const headHeight = boxHeight(Math.max(...labels.map((l) => l.length)));
    paraf = { labels, widths, headHeight };
    height += PARAF.gap + headHeight + PARAF.box;
  }
  return { head, unit, pairs, paraf, foot, height };
}

export function identitySheetHeight(sheet: Sheet, logo?: LogoPicture): number {
  return layout(sheet, logo).height;
}

/** The unit's header: the logo (and a 2 mm gap), then the paragraphs 2 mm apart, as the HTML form's. */
function unitBlockHeight(unit: Line[][], logo?: LogoPicture): number {
  const text = unit.reduce((sum, paragraph) => sum + paragraph.length * lineHeight(UNIT_TEXT), 0) + Math.max(0, unit.length - 1) * UNIT_GAP;
  return logo ? logo.height + LOGO_GAP + text : text;
}

function lines(p: Painter, text: Line[], x: number, top: number, fontSize: number, options: { bold?: boolean; anchor?: 'start' | 'middle' } = {}): void {
  text.forEach((line, i) => drawLine(p, line.text, x + line.indent, top + i * lineHeight(fontSize) + BASELINE_EM * fontSize, fontSize, options));
}

export function drawIdentitySheet(p: Painter, sheet: Sheet, logo?: LogoPicture): void {
  const laid = layout(sheet, logo);
  let y = 0;
  const headHeight = laid.head.reduce((sum, row) => sum + row.height, 0);
  // The unit's header: centred, bold, over the two left columns and all head rows.
  strokeRect(p, 0, 0, COLUMNS.unit, headHeight, 0.75);
  let unitTop = (headHeight - unitBlockHeight(laid.unit, logo)) / 2;
  if (logo) {
    // The office's logo, centred above the unit's name.
    try {
      p.doc.image(Buffer.from(logo.data), (COLUMNS.unit - logo.width) / 2, unitTop, { width: logo.width, height: logo.height });
    } catch {
      // An image PDFKit cannot read (it reads it before writing anything): the sheet prints without it.
    }
    unitTop += logo.height + LOGO_GAP;
  }
  for (const paragraph of laid.unit) {
    lines(p, paragraph, COLUMNS.unit / 2, unitTop, UNIT_TEXT, { bold: true, anchor: 'middle' });
    unitTop += paragraph.length * lineHeight(UNIT_TEXT) + UNIT_GAP;
  }
  for (const row of laid.head) {
    strokeRect(p, COLUMNS.unit, y, COLUMNS.label, row.height, 0.75);
    strokeRect(p, COLUMNS.unit + COLUMNS.label, y, COLUMNS.value, row.height, 0.75);
    lines(p, row.label, COLUMNS.unit + PAD.x, y + PAD.y, TEXT, { bold: true });
    const valueX = COLUMNS.unit + COLUMNS.label + PAD.x;
    lines(p, row.value, valueX, y + PAD.y, TEXT);
    if (row.signature) {
      // The place for the signature and the stamp, then the name (bold, underlined) and the NIP.
      const nameTop = y + PAD.y + row.value.length * lineHeight(TEXT) + SIGNATURE;
      lines(p, row.signature.name, valueX, nameTop, TEXT, { bold: true });
      row.signature.name.forEach((line, i) => {
        const base = nameTop + i * lineHeight(TEXT) + BASELINE_EM * TEXT + 1.5;
        const start = valueX + line.indent;
        p.doc
          .moveTo(start, base)
          .lineTo(start + textWidth(line.text, TEXT, true), base)
          .lineWidth(0.75)
          .strokeColor('#000000')
          .stroke();
      });
      lines(p, row.signature.nip, valueX, nameTop + row.signature.name.length * lineHeight(TEXT), TEXT);
    }
    y += row.height;
  }
  const half = WIDTH / 2;
  for (const pair of laid.pairs) {
    for (const side of [0, 1] as const) {
      p.doc
        .rect(side * half, y, half, pair.headHeight)
        .fillColor('#f0f0f0')
        .fill();
      strokeRect(p, side * half, y, half, pair.headHeight, 0.75);
      lines(p, pair.heads[side], side * half + PAD.x, y + PAD.y, TEXT, { bold: true });
      strokeRect(p, side * half, y + pair.headHeight, half, pair.bodyHeight, 0.75);
      lines(p, pair.bodies[side], side * half + PAD.x, y + pair.headHeight + PAD.y, TEXT);
    }
    y += pair.headHeight + pair.bodyHeight;
  }
  if (laid.foot) {
    // Catatan Pelaksanaan across the whole width.
    p.doc.rect(0, y, WIDTH, laid.foot.headHeight).fillColor('#f0f0f0').fill();
    strokeRect(p, 0, y, WIDTH, laid.foot.headHeight, 0.75);
    lines(p, laid.foot.head, PAD.x, y + PAD.y, TEXT, { bold: true });
    strokeRect(p, 0, y + laid.foot.headHeight, WIDTH, laid.foot.bodyHeight, 0.75);
    lines(p, laid.foot.body, PAD.x, y + laid.foot.headHeight + PAD.y, TEXT);
    y += laid.foot.headHeight + laid.foot.bodyHeight;
  }
  if (laid.paraf) {
    const { labels, widths, headHeight: parafHead } = laid.paraf;
    y += PARAF.gap;
    let x = WIDTH - widths.reduce((sum, w) => sum + w, 0);
    labels.forEach((label, i) => {
      strokeRect(p, x, y, widths[i], parafHead, 0.75);
      lines(p, label, x + widths[i] / 2, y + PAD.y, TEXT, { anchor: 'middle' });
      strokeRect(p, x, y + parafHead, widths[i], PARAF.box, 0.75);
      x += widths[i];
    });
  }
}
