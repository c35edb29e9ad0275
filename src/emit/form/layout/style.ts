/** Sizes of the official form, in user units (CSS px at 96 dpi: 1 mm = 3.78 units). */
export const PAGE_WIDTH = 1046;
/** The tallest page drawn at full size: A4 landscape (190 mm printable at 10 mm margins) with room to spare. */
export const PAGE_MAX_HEIGHT = 700;
export const STEPS_PER_PAGE = { min: 5, max: 8 };

/** Layout units (CSS px) from points: 1 pt = 96/72 px. */
const pt = (points: number) => (points * 96) / 72;

/**
 * The smallest sizes the printed form may have, in points: body text 8 pt, labels (decision exits,
 * shrunk headers) 7 pt. The sizes below are larger, so that a page scaled down to MIN_SCALE, and
 * the 0.1% a PDF page shrinks to fit its margins, still print at least these.
 */
export const PRINT_MIN_PT = { body: 8, label: 7 };

/**
 * Font sizes in layout units. Every size is a whole number of half points (Word sizes text in half
 * points; a larger size there than here would wrap a cell's text to more lines than its row holds).
 */
export const FONT = {
  title: pt(10.5),
  info: pt(8.5),
  header: pt(8.5),
  /** The smallest a header is shrunk to so that its words need not be cut ("Sekretaris" in a narrow column). */
  headerMin: pt(7.5),
  body: pt(8.5),
  label: pt(7.5),
  connector: pt(9),
};

/**
 * A page taller than PAGE_MAX_HEIGHT is drawn scaled down; below this scale more pages are used
 * instead. Never so small that the text prints under PRINT_MIN_PT.
 */
export const MIN_SCALE = 0.95;
export const CELL_PADDING_X = 4;
export const CELL_PADDING_Y = 4;

export const COLUMN_WIDTH = { no: 28, kelengkapan: 106, waktu: 82, output: 106, keterangan: 90, kegiatanMin: 240 };
export const ACTOR_WIDTH = { min: 60, max: 110, absoluteMin: 36 };

export const SYMBOL = { height: 24, diamondHeight: 34, maxWidth: 64, minWidth: 24, gutterMin: 18 };
export const ROW_MIN_HEIGHT = { process: 56, decision: 62, note: 22 };
/** Space at the top of a page's first row and the bottom of its last, for page-break connectors. */
export const CONNECTOR_ZONE = 30;
export const CONNECTOR_SIZE = 14;
export const SIDE_CONNECTOR_SIZE = 12;
export const ARROW = { length: 6, halfWidth: 3 };
/** Lanes of side routes: the first this far from the symbol's side, the next ones further out. */
export const LANE = { first: 9, step: 5 };
