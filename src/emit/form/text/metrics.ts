/**
 * Text widths in DejaVu Sans, the font the form's SVG pins: SVG text never wraps, so the renderer
 * measures and wraps it itself. The widths are the font's own advance widths (src/generated/).
 */
import { ASCENDER, BOLD_RUNS, DESCENDER, REGULAR_RUNS, UNITS_PER_EM } from '../../../generated/dejavu-sans-metrics.js';

export const FONT_FAMILY = 'DejaVu Sans';
/** The baseline lies this far (in em) below the top of a line box. */
export const ASCENT_EM = ASCENDER / UNITS_PER_EM;
export const DESCENT_EM = -DESCENDER / UNITS_PER_EM;
/** Line spacing of wrapped text, in em: more than ascent + descent, so lines never overlap. */
export const LINE_HEIGHT_EM = 1.25;
/**
 * A character the table does not know is drawn by some fallback font (CJK, emoji): count it wider
 * than any of those, so wrapped text still fits.
 */
const UNKNOWN_EM = 1.3;

type WidthTable = Map<number, number>;
const tables: { regular?: WidthTable; bold?: WidthTable } = {};

function decode(runs: string): WidthTable {
  const table: WidthTable = new Map();
  for (const run of runs.split(';')) {
    const [start, count, width] = run.split(' ').map((n) => parseInt(n, 36));
    for (let i = 0; i < count; i++) table.set(start + i, width);
  }
  return table;
}

function widthTable(bold: boolean): WidthTable {
  if (bold) return (tables.bold ??= decode(BOLD_RUNS));
  return (tables.regular ??= decode(REGULAR_RUNS));
}

/** The advance width of `text` at `fontSize` (user units), with kerning and ligatures off. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = widthTable(bold);
  let units = 0;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    if (isZeroWidth(codePoint)) continue;
    units += table.get(codePoint) ?? UNKNOWN_EM * UNITS_PER_EM;
  }
  return (units / UNITS_PER_EM) * fontSize;
}

function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    codePoint === 0x200b ||
    codePoint === 0x200c ||
    codePoint === 0x200d ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  );
}
