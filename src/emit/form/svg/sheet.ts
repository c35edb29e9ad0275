/** A page as an <svg> element of its own: sized for A4 landscape, with a title and description. */
import { markup } from '../text/escape.js';
import { FONT_FAMILY } from '../text/metrics.js';
import { PAGE_MAX_HEIGHT, PAGE_WIDTH } from '../layout/style.js';
import type { PageLayout } from '../layout/types.js';
import { pageElements } from './page.js';
import { num } from './primitives.js';

const MM_PER_UNIT = 25.4 / 96;
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text is drawn exactly as measured: no kerning or ligatures. */
export const SVG_TEXT_CSS = `text{font-family:'${FONT_FAMILY}',sans-serif;font-kerning:none;font-variant-ligatures:none}`;

/** The printed size: full size, or scaled down to fit the printable area of an A4 landscape page. */
export function printedSize(page: PageLayout): { width: string; height: string; scale: number; units: { width: number; height: number } } {
  const scale = Math.min(1, PAGE_WIDTH / page.width, PAGE_MAX_HEIGHT / page.height);
  const [width, height] = [(page.width + 2) * scale, (page.height + 2) * scale];
  return { width: `${num(width * MM_PER_UNIT)}mm`, height: `${num(height * MM_PER_UNIT)}mm`, scale, units: { width, height } };
}

export interface SheetOptions {
  /** Position inside an enclosing SVG (the standalone file stacks its pages). */
  at?: { x: number; y: number };
  id: string;
  title: string;
  description: string;
  /** Write the xmlns attribute (standalone SVG needs it; HTML allows it). */
  namespace?: boolean;
}

export function sheetSvg(page: PageLayout, options: SheetOptions): string {
  const size = printedSize(page);
  const attributes = [
    options.namespace ? `xmlns="${SVG_NS}"` : '',
    options.at ? `x="${num(options.at.x)}" y="${num(options.at.y)}"` : '',
    `viewBox="-1 -1 ${num(page.width + 2)} ${num(page.height + 2)}"`,
    `width="${size.width}"`,
    `height="${size.height}"`,
    'role="img"',
    `aria-labelledby="${options.id}-title ${options.id}-desc"`,
    `font-family="${FONT_FAMILY}, sans-serif"`,
    `data-sheet="${page.sheet}"`,
    `data-procedure="${page.procedureIndex}"`,
  ].filter(Boolean);
  return [
    `<svg ${attributes.join(' ')}>`,
    `<title id="${options.id}-title">${markup(options.title)}</title>`,
    `<desc id="${options.id}-desc">${markup(options.description)}</desc>`,
    pageElements(page),
    '</svg>',
  ].join('\n');
}
