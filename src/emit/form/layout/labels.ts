/**
 * Where each exit's label goes ("Ya", "Tidak", "lengkap → selesai"), once every arrow of a page is
 * drawn: beside the first segment of its own route, inside its step's actor column and row (never cut
 * by a column border or a gridline), clear of every symbol, connector, other label and other route,
 * and nearer to its own route than to any other route leaving the same symbol. The candidates are
 * the positions touching that segment within reach, tried nearest first; a label too wide for its
 * column is wrapped to it (hyphenated like any cell text).
 */
import { ASCENT_EM, DESCENT_EM, LINE_HEIGHT_EM, textWidth } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { stubEnd } from './stub.js';
import { ARROW, FONT } from './style.js';
import type { Column, Connector, PageLayout, Point, Route } from './types.js';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
type Segment = [Point, Point];

/** Room kept between a label and the lines around it. */
const CLEARANCE = 1.5;
/** How far from the start of its route a label may sit, in label font sizes. */
export const LABEL_REACH_EM = 1;
/** What a unit of distance along the route from its start costs, against a unit away from the line. */
const ALONG_WEIGHT = 0.1;

export interface LabelRequest {
  route: Route;
  text: string;
  /** The row of the route's source step on this page. */
  rowTop: number;
  rowBottom: number;
  /** Which side of the first segment is tried first. */
  prefer: 'above' | 'below' | 'left' | 'right';
}

function segmentsOf(points: Point[]): Segment[] {
  return points.slice(1).map((p, i) => [points[i], p]);
}

function corners(b: Box): Point[] {
  return [
    [b.x1, b.y1],
    [b.x2, b.y1],
    [b.x2, b.y2],
    [b.x1, b.y2],
  ];
}

/** Separating-axis overlap of two convex polygons (a segment is a degenerate one). */
export function convexOverlap(a: Point[], b: Point[], tolerance = 0): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const axis: Point = [q[1] - p[1], p[0] - q[0]];
      const length = Math.hypot(axis[0], axis[1]);
      if (length === 0) continue;
      let [amin, amax, bmin, bmax] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const [x, y] of a) {
        const v = (x * axis[0] + y * axis[1]) / length;
        amin = Math.min(amin, v);
        amax = Math.max(amax, v);
      }
      for (const [x, y] of b) {
        const v = (x * axis[0] + y * axis[1]) / length;
        bmin = Math.min(bmin, v);
        bmax = Math.max(bmax, v);
      }
      if (amax <= bmin + tolerance || bmax <= amin + tolerance) return false;
    }
  }
  return true;
}

/** The distance from a box to an axis-parallel segment. */
export function boxSegmentDistance(box: Box, [a, b]: Segment): number {
  const [sx1, sx2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [sy1, sy2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  const dx = Math.max(sx1 - box.x2, box.x1 - sx2, 0);
  const dy = Math.max(sy1 - box.y2, box.y1 - sy2, 0);
  return Math.hypot(dx, dy);
}

const grow = (b: Box, d: number): Box => ({ x1: b.x1 - d, y1: b.y1 - d, x2: b.x2 + d, y2: b.y2 + d });
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function connectorPolygon(c: Connector): Point[] {
  const half = c.size / 2;
  return corners({ x1: c.cx - half, y1: c.y, x2: c.cx + half, y2: c.y + c.size });
}

/** The widest a label's block may be in a column. */
const innerWidth = (column: Column) => column.width - 2 * CLEARANCE - 1;

/** How much height a label needs in a column at the least (wrapped as wide as it may be, with its clearance). */
export function labelRoomNeeded(text: string, column: Column): number {
  return labelSize(wrapText(text, innerWidth(column), { fontSize: FONT.label })).height + 2 * CLEARANCE + 1;
}

/** A route's first segment as drawn: a stub's line stops where its arrowhead begins. */
function drawnFirstSegment(route: Route): Segment {
  const [a, b] = route.points;
  if (route.points.length > 2 || !route.arrow) return [a, b];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  // As the writers cut it (svg/primitives.ts arrowLine).
  const cut = Math.min(ARROW.length, length) / (length || 1);
  return [a, [b[0] - (b[0] - a[0]) * cut, b[1] - (b[1] - a[1]) * cut]];
}

/** Labels are measured this much wider than their text, for fonts that set it a little wider. */
const WIDTH_MARGIN = 1.04;

/**
 * How far a label's box is from a segment: its farther of the box and of the text as set (which
 * starts at the box's left and may end short of its right), so that the text is within reach too.
 */
function reachOf(box: Box, segment: Segment): number {
  const text = { ...box, x2: box.x1 + (box.x2 - box.x1) / WIDTH_MARGIN };
  return Math.max(boxSegmentDistance(box, segment), boxSegmentDistance(text, segment));
}

/** The size of a label's box: its lines at the label font, ascent of the first to descent of the last. */
function labelSize(lines: string[]): { width: number; height: number } {
  const size = FONT.label;
  const width = Math.max(...lines.map((l) => textWidth(l, size))) * WIDTH_MARGIN;
  const height = (lines.length - 1) * size * LINE_HEIGHT_EM + (ASCENT_EM + DESCENT_EM) * size;
  return { width, height };
}

interface Obstacles {
  /** Diamonds (grown by a unit): centre and half diagonals. */
  diamonds: Array<{ cx: number; cy: number; a: number; b: number }>;
  /** Axis-parallel lines (routes, gridlines), as their bounding boxes. */
  lines: Box[];
  /** Rectangles: boxes, capsules, connectors, end markers. */
  boxes: Box[];
}

/**
 * Places the labels of one page. A label may sit in any actor column its route's first segment runs
 * through (a column of six actors is too narrow for "Tidak" beside a diamond's corner, so the label
 * goes where the line crosses into the next column or turns), but always within one cell of the
 * source step's row.
 */
export function placeLabels(page: PageLayout, requests: LabelRequest[], sourceColumnAt: (x: number) => Column | undefined): void {
  const placed: Box[] = [];
  const actorColumns = page.columns.filter((c) => c.kind === 'actor');
  // Labels of side exits first: they have the least room (between a corner and a border or lane);
  // a label under a bottom exit can go either side of its line.
  const horizontalFirst = (r: LabelRequest) => (r.route.points.length > 1 && Math.abs(r.route.points[0][1] - r.route.points[1][1]) < 0.01 ? 0 : 1);
  const ordered = [...requests].sort((a, b) => horizontalFirst(a) - horizontalFirst(b));
  for (const request of ordered) {
    const { route } = request;
    const start = route.points[0];
    const column = sourceColumnAt(start[0]);
    if (!column || route.points.length < 2) continue;
    const inner = innerWidth(column);
    const words = request.text.split(/\s+/).filter(Boolean);
    const longest = Math.max(...words.map((w) => textWidth(w, FONT.label) * WIDTH_MARGIN), 0);
    // One line if it finds room, else narrower and narrower blocks (never narrower than a word).
    const widths = [...new Set([inner, Math.max(longest, inner * 0.6), Math.max(longest, inner * 0.4), Math.min(inner, longest)])];
    const first = drawnFirstSegment(route);
    const horizontal = Math.abs(first[0][1] - first[1][1]) < 0.01;
    const obstacles = gatherObstacles(page, route, { x1: -Infinity, y1: request.rowTop - 40, x2: Infinity, y2: request.rowBottom + 40 }, actorColumns);
    const siblings = page.routes.filter((r) => r !== route && r.from === route.from && r.points.length > 1 && r.kind !== 'link');
    const inOneColumn = (box: Box) => actorColumns.some((c) => box.x1 >= c.x + CLEARANCE && box.x2 <= c.x + c.width - CLEARANCE);
    let found: { box: Box; lines: string[] } | undefined;
    for (const wrapWidth of widths) {
      const lines = wrapText(request.text, wrapWidth, { fontSize: FONT.label });
      if (lines.length === 0) break;
      const box = bestBox(request, lines, first, inOneColumn, obstacles, placed, siblings);
      if (box) {
        found = { box, lines };
        break;
      }
    }
    if (!found) {
      // Nowhere free: beside the start on the preferred side, as before (the geometry tests report it).
      const lines = wrapText(request.text, inner, { fontSize: FONT.label });
      if (lines.length === 0) continue;
      const { width, height } = labelSize(lines);
      found = { box: fallbackBox(start, horizontal, request.prefer, width, height), lines };
    }
    const { box, lines } = found;
    placed.push(box);
    route.label = {
      text: request.text,
      x: box.x1,
      y: box.y1 + ASCENT_EM * FONT.label,
      anchor: 'start',
      ...(lines.length > 1 ? { lines } : {}),
    };
  }
}

/** The free box nearest to the start of the first segment for these lines, or undefined. */
function bestBox(
  request: LabelRequest,
  lines: string[],
  first: Segment,
  inOneColumn: (box: Box) => boolean,
  obstacles: Obstacles,
  placed: Box[],
  siblings: Route[],
): Box | undefined {
  const { width, height } = labelSize(lines);
  const start = first[0];
  const reach = Math.max(4, LABEL_REACH_EM * FONT.label);
  const horizontal = Math.abs(first[0][1] - first[1][1]) < 0.01;
  const length = Math.hypot(first[1][0] - first[0][0], first[1][1] - first[0][1]);
  // Every position within reach, nearest first; the first free one wins. Distance along the line
  // counts too, so that a label keeps to its route's start when it can.
  const candidates: Array<{ box: Box; score: number }> = [];
  const consider = (box: Box, side: string, slide: number) => {
    if (!inOneColumn(box) || box.y1 < request.rowTop + CLEARANCE || box.y2 > request.rowBottom - CLEARANCE) return;
    const distance = reachOf(box, first);
    if (distance > reach) return;
    const along = Math.max(0, slide) + Math.max(0, -slide - (horizontal ? width : height));
    candidates.push({ box, score: distance + (side === request.prefer ? 0 : 2.5) + along * ALONG_WEIGHT });
  };
  for (let gap = CLEARANCE; gap <= reach; gap += 0.75) {
    for (let slide = -Math.ceil(width + height); slide <= length + 2; slide += 1) {
      if (horizontal) {
        const dir = Math.sign(first[1][0] - first[0][0]) || 1;
        const x1 = dir > 0 ? start[0] + slide : start[0] - slide - width;
        consider({ x1, x2: x1 + width, y1: start[1] - gap - height, y2: start[1] - gap }, 'above', slide);
        consider({ x1, x2: x1 + width, y1: start[1] + gap, y2: start[1] + gap + height }, 'below', slide);
      } else {
        const dir = Math.sign(first[1][1] - first[0][1]) || 1;
        const y1 = dir > 0 ? start[1] + slide : start[1] - slide - height;
        consider({ x1: start[0] + gap, x2: start[0] + gap + width, y1, y2: y1 + height }, 'right', slide);
        consider({ x1: start[0] - gap - width, x2: start[0] - gap, y1, y2: y1 + height }, 'left', slide);
      }
    }
  }
  candidates.sort((a, b) => a.score - b.score);
  for (const { box } of candidates) {
    const distance = reachOf(box, first);
    if (!isFree(box, obstacles, placed)) continue;
    if (siblings.some((r) => boxSegmentDistance(box, [r.points[0], r.points[1]]) <= distance + 0.5)) continue;
    return box;
  }
  return undefined;
}

function fallbackBox(start: Point, horizontal: boolean, prefer: LabelRequest['prefer'], width: number, height: number): Box {
  const gap = 3;
  if (horizontal) {
    const y2 = prefer === 'below' ? start[1] + gap + height : start[1] - gap;
    return { x1: start[0] + gap, x2: start[0] + gap + width, y1: y2 - height, y2 };
  }
  const x1 = prefer === 'left' ? start[0] - gap - width : start[0] + gap;
  return { x1, x2: x1 + width, y1: start[1] + gap, y2: start[1] + gap + height };
}

function gatherObstacles(page: PageLayout, own: Route, near: Box, actorColumns: Column[]): Obstacles {
  const diamonds: Obstacles['diamonds'] = [];
  const boxes: Box[] = [];
  for (const s of page.symbols) {
    const box = { x1: s.x, y1: s.y, x2: s.x + s.width, y2: s.y + s.height };
    if (!overlaps(grow(box, 2), near)) continue;
    if (s.kind === 'decision' && !s.coActor) {
      diamonds.push({ cx: s.cx, cy: s.cy, a: s.width / 2 + 1, b: s.height / 2 + 1 });
    } else boxes.push(grow(box, CLEARANCE));
  }
  for (const c of page.connectors) boxes.push(grow(boxOf(connectorPolygon(c)), CLEARANCE));
  const lines: Box[] = [];
  for (const r of page.routes) {
    const segs = segmentsOf(r.points);
    for (const segment of r === own ? segs.slice(1) : segs) lines.push(boxOf(segment));
    const end = stubEnd(r);
    if (end) boxes.push(grow({ x1: end.x, y1: end.y, x2: end.x + end.width, y2: end.y + end.height }, CLEARANCE));
  }
  // Gridlines across the actor columns (a label stays within its row, so only its row's two matter).
  const [left, right] = [actorColumns[0].x, actorColumns[actorColumns.length - 1].x + actorColumns[actorColumns.length - 1].width];
  for (const y of new Set(page.cells.flatMap((c) => [c.y, c.y + c.height]))) lines.push({ x1: left, y1: y, x2: right, y2: y });
  return {
    diamonds,
    lines: lines.filter((b) => overlaps(grow(b, 1), near)),
    boxes: boxes.filter((b) => overlaps(b, near)),
  };
}

function boxOf(points: Point[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function isFree(box: Box, obstacles: Obstacles, placed: Box[]): boolean {
  const padded = grow(box, CLEARANCE / 2);
  for (const other of placed) if (overlaps(padded, grow(other, CLEARANCE / 2))) return false;
  for (const b of obstacles.boxes) if (overlaps(padded, b)) return false;
  // A line touches the box when it passes through it or along inside its edges.
  for (const l of obstacles.lines) if (l.x1 <= padded.x2 && l.x2 >= padded.x1 && l.y1 <= padded.y2 && l.y2 >= padded.y1) return false;
  // The box's point nearest the diamond's centre lies inside the diamond.
  for (const d of obstacles.diamonds) {
    const dx = Math.max(padded.x1 - d.cx, 0, d.cx - padded.x2);
    const dy = Math.max(padded.y1 - d.cy, 0, d.cy - padded.y2);
    if (dx / d.a + dy / d.b < 1) return false;
  }
  return true;
}
