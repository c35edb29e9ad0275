/** Small SVG writers: numbers, text blocks, arrowheads. All text goes through `markup` (escaped). */
import { markup } from '../text/escape.js';
import { ASCENT_EM, DESCENT_EM, LINE_HEIGHT_EM } from '../text/metrics.js';
import { ARROW } from '../layout/style.js';
import type { Point, TextBlock } from '../layout/types.js';

/** A coordinate with at most two decimals, no trailing zeros. */
export function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Where the baseline of a line sits below the top of its line box. */
const BASELINE_EM = (LINE_HEIGHT_EM - ASCENT_EM - DESCENT_EM) / 2 + ASCENT_EM;

/** A wrapped text block: one <tspan> per line, each at its own x/y (SVG text never wraps by itself). */
export function textBlock(block: TextBlock, extra = ''): string {
  if (block.lines.length === 0) return '';
  const attributes = [
    `font-size="${num(block.fontSize)}"`,
    block.anchor !== 'start' ? `text-anchor="${block.anchor}"` : '',
    block.bold ? 'font-weight="bold"' : '',
    block.italic ? 'font-style="italic"' : '',
    extra,
  ].filter(Boolean);
  const lineHeight = block.fontSize * LINE_HEIGHT_EM;
  const lines = block.lines
    .map((line, i) => `<tspan x="${num(block.x)}" y="${num(block.y + i * lineHeight + BASELINE_EM * block.fontSize)}">${markup(line)}</tspan>`)
    .join('');
  return `<text ${attributes.join(' ')}>${lines}</text>`;
}

/** The points of a polyline, its last segment shortened so the line stops at the arrowhead's base. */
export function arrowLine(points: Point[], arrow: boolean): { line: Point[]; head: Point[] | null } {
  if (!arrow || points.length < 2) return { line: points, head: null };
  const [x1, y1] = points[points.length - 2];
  const [x2, y2] = points[points.length - 1];
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return { line: points, head: null };
  const [dx, dy] = [(x2 - x1) / length, (y2 - y1) / length];
  const headLength = Math.min(ARROW.length, length);
  const base: Point = [x2 - dx * headLength, y2 - dy * headLength];
  const head: Point[] = [
    [x2, y2],
    [base[0] - dy * ARROW.halfWidth, base[1] + dx * ARROW.halfWidth],
    [base[0] + dy * ARROW.halfWidth, base[1] - dx * ARROW.halfWidth],
  ];
  return { line: [...points.slice(0, -1), base], head };
}

export function pointList(points: Point[]): string {
  return points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}
