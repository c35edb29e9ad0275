/** The top of every page: the procedure's title, the SOP number and sheet, and the two header rows. */
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import { fits, normalizeSpace, wrapText } from '../text/wrap.js';
import { textHeight } from './rows.js';
import { CELL_PADDING_X, FONT } from './style.js';
import type { Cell, Column, TextBlock } from './types.js';

/**
 * The smallest size a header is shrunk to so that its words need not be broken ("Sekretaris" in a
 * narrow column); below it, a word too wide is hyphenated instead.
 */
const MIN_HEADER_FONT = FONT.headerMin;

export interface PageHeading {
  title: TextBlock;
  info: TextBlock;
  height: number;
}

export function pageHeading(title: string, info: string, width: number): PageHeading {
  const titleLines = wrapText(title, width * 0.66, { fontSize: FONT.title, bold: true });
  const infoLines = wrapText(info, width * 0.3, { fontSize: FONT.info });
  const height = Math.max(titleLines.length * FONT.title, infoLines.length * FONT.info) * LINE_HEIGHT_EM + 8;
  return {
    title: { lines: titleLines, x: 0, y: 2, fontSize: FONT.title, anchor: 'start', bold: true },
    info: { lines: infoLines, x: width, y: 2 + (FONT.title - FONT.info) * LINE_HEIGHT_EM, fontSize: FONT.info, anchor: 'end' },
    height,
  };
}

interface FittedText {
  lines: string[];
  fontSize: number;
}

/** The largest size (down to MIN_HEADER_FONT) at which no word of the header has to be broken. */
function headerSize(text: string, width: number): number {
  const room = width - 2 * CELL_PADDING_X;
  const words = normalizeSpace(text).split(' ');
  for (let fontSize = FONT.header; fontSize >= MIN_HEADER_FONT; fontSize -= 0.5) {
    if (words.every((word) => fits(word, room, { fontSize, bold: true }))) return fontSize;
  }
  return MIN_HEADER_FONT;
}

/** A header wrapped at `fontSize` (words too wide hyphenated). */
function wrapHeader(text: string, width: number, fontSize: number): FittedText {
  return { lines: wrapText(text, width - 2 * CELL_PADDING_X, { fontSize, bold: true }), fontSize };
}

function fitHeader(text: string, width: number): FittedText {
  return wrapHeader(text, width, headerSize(text, width));
}

const heightOf = (fitted: FittedText) => textHeight(fitted.lines.length, fitted.fontSize);

function centered(fitted: FittedText, x: number, y: number, width: number, height: number): TextBlock {
  const block = fitted.lines.length * fitted.fontSize * LINE_HEIGHT_EM;
  return { lines: fitted.lines, x: x + width / 2, y: y + (height - block) / 2, fontSize: fitted.fontSize, anchor: 'middle', bold: true };
}

/** The header cells (No | Kegiatan | Pelaksana: actors | Mutu Baku: Kelengkapan, Waktu, Output | Keterangan) from `top`. */
export function headerCells(columns: Column[], top: number): { cells: Cell[]; height: number } {
  const actors = columns.filter((c) => c.kind === 'actor');
  const mutu = columns.filter((c) => c.kind === 'kelengkapan' || c.kind === 'waktu' || c.kind === 'output');
  const spanning = columns.filter((c) => c.kind === 'no' || c.kind === 'kegiatan' || c.kind === 'keterangan');
  const span = (group: Column[]) => ({ x: group[0].x, width: group.reduce((sum, c) => sum + c.width, 0) });

  const groups: Array<{ role: string; text: string; x: number; width: number }> = [];
  if (actors.length) groups.push({ role: 'header-pelaksana', text: 'Pelaksana', ...span(actors) });
  groups.push({ role: 'header-mutu-baku', text: 'Mutu Baku', ...span(mutu) });
  const groupText = groups.map((g) => fitHeader(g.text, g.width));
  // The actors' headers share one size: the one the tightest of them needs, not each its own.
  const actorSize = Math.min(FONT.header, ...actors.map((c) => headerSize(c.header, c.width)));
  const lowerText = [...actors.map((c) => wrapHeader(c.header, c.width, actorSize)), ...mutu.map((c) => fitHeader(c.header, c.width))];
  const spanningText = spanning.map((c) => fitHeader(c.header, c.width));

  const upper = Math.max(textHeight(1, FONT.header), ...groupText.map(heightOf));
  const lower = Math.max(textHeight(1, FONT.header), ...lowerText.map(heightOf), ...spanningText.map((t) => heightOf(t) - upper));
  const height = upper + lower;

  const cells: Cell[] = [];
  spanning.forEach((c, i) =>
    cells.push({ role: `header-${c.kind}`, x: c.x, y: top, width: c.width, height, text: centered(spanningText[i], c.x, top, c.width, height) }),
  );
  groups.forEach((g, i) => cells.push({ role: g.role, x: g.x, y: top, width: g.width, height: upper, text: centered(groupText[i], g.x, top, g.width, upper) }));
  [...actors, ...mutu].forEach((c, i) =>
    cells.push({
      role: `header-${c.kind}`,
      x: c.x,
      y: top + upper,
      width: c.width,
      height: lower,
      text: centered(lowerText[i], c.x, top + upper, c.width, lower),
    }),
  );
  return { cells, height };
}
