/**
 * The rendered flowchart read back as geometry, the way a reviewer holding the printed form sees it:
 * each sheet of the SVG parsed (jsdom's XML parser), text boxes measured with the project's own font
 * metrics (the widths the SVG pins), and a list of what is wrong with the drawing. Every check names
 * the sheet and what it found, so that a failing test says where to look.
 */
import { JSDOM } from 'jsdom';
import { ASCENT_EM, DESCENT_EM, textWidth } from '../../../src/emit/form/text/metrics.js';
import { Lexicon, lineBreakProblems } from './word-breaks.js';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
type P = [number, number];
type Segment = [P, P];

export interface TextLine {
  text: string;
  box: Box;
}
export interface SheetCell {
  role: string;
  box: Box;
  lines: TextLine[];
}
export interface SheetSymbol {
  kind: string;
  actor: string;
  step: string;
  number: string;
  box: Box;
  /** The outline: the diamond's four vertices, or the rectangle's corners. */
  polygon: P[];
  /** Corner radius of a rectangle (a capsule's is half its height). */
  radius: number;
}
export interface SheetRoute {
  id: string;
  kind: string;
  from: string;
  to: string;
  points: P[];
  /** The tip of the arrowhead, or the last point when there is none. */
  tip: P;
  label?: TextLine;
  /** The label's lines as printed (one, or several when it is wrapped to its column). */
  labelLines?: TextLine[];
  labelSize?: number;
  marker?: Box;
}
export interface SheetConnector {
  letter: string;
  role: string;
  box: Box;
  polygon: P[];
  /** The vertex the pentagon points with, and the direction it points. */
  tip: P;
  direction: P;
}
export interface Sheet {
  name: string;
  procedure: string;
  cells: SheetCell[];
  headerCells: SheetCell[];
  actorColumns: Array<{ actor: string; box: Box }>;
  symbols: SheetSymbol[];
  routes: SheetRoute[];
  connectors: SheetConnector[];
}

const EPS = 0.3;

function numbers(value: string | null): number[] {
  return (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

function pointsOf(value: string | null): P[] {
  const n = numbers(value);
  const points: P[] = [];
  for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i], n[i + 1]]);
  return points;
}

function attr(element: Element, name: string): number {
  return Number(element.getAttribute(name) ?? 0);
}

function bounds(points: P[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** The boxes of a <text>'s lines: advance widths from the font's metrics, ascent to descent. */
function textLines(text: Element): TextLine[] {
  const size = Number(text.getAttribute('font-size'));
  const bold = text.getAttribute('font-weight') === 'bold';
  const anchor = text.getAttribute('text-anchor') ?? 'start';
  const spans = [...text.children].filter((c) => c.tagName === 'tspan');
  const parts = spans.length ? spans : [text];
  return parts.map((part) => {
    const content = part.textContent ?? '';
    const width = textWidth(content, size, bold);
    const x = attr(part, 'x');
    const baseline = attr(part, 'y');
    const x1 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return { text: content, box: { x1, x2: x1 + width, y1: baseline - ASCENT_EM * size, y2: baseline + DESCENT_EM * size } };
  });
}

/** A wrapped label as one box around its lines. */
function unionLine(lines: TextLine[]): TextLine {
  return {
    text: lines.map((l) => l.text).join(' '),
    box: { x1: Math.min(...lines.map((l) => l.box.x1)), y1: lines[0].box.y1, x2: Math.max(...lines.map((l) => l.box.x2)), y2: lines[lines.length - 1].box.y2 },
  };
}

function rectBox(rect: Element): Box {
  const [x, y] = [attr(rect, 'x'), attr(rect, 'y')];
  return { x1: x, y1: y, x2: x + attr(rect, 'width'), y2: y + attr(rect, 'height') };
}

function cellsOf(group: Element | null): SheetCell[] {
  if (!group) return [];
  return [...group.querySelectorAll(':scope > g[data-cell]')].map((g) => ({
    role: g.getAttribute('data-cell') ?? '',
    box: rectBox(g.querySelector('rect')!),
    lines: [...g.querySelectorAll('text')].flatMap(textLines),
  }));
}

/** The sheets (one <svg> per page) of a standalone SVG or of an HTML page's inline SVGs. */
export function parseSheets(markup: string): Sheet[] {
  const isHtml = !markup.startsWith('<?xml');
  const dom = new JSDOM(markup, { contentType: isHtml ? 'text/html' : 'image/svg+xml' });
  const sheets = [...dom.window.document.querySelectorAll('svg[data-sheet]')];
  const parsed = sheets.map((svg) => {
    const symbols: SheetSymbol[] = [...svg.querySelectorAll('[data-symbol]')].map((el) => {
      const polygon = el.tagName === 'polygon' ? pointsOf(el.getAttribute('points')) : corners(rectBox(el));
      return {
        kind: el.getAttribute('data-symbol') ?? '',
        actor: el.getAttribute('data-actor') ?? '',
        step: el.getAttribute('data-step') ?? '',
        number: el.getAttribute('data-step-number') ?? '',
        box: bounds(polygon),
        polygon,
        radius: el.tagName === 'rect' ? attr(el, 'rx') : 0,
      };
    });
    const routes: SheetRoute[] = [...svg.querySelectorAll('g[data-route-id]')].map((g) => {
      const line = g.querySelector('polyline')!;
      const points = pointsOf(line.getAttribute('points'));
      const head = g.querySelector('[data-arrowhead]');
      const label = g.querySelector('[data-edge-label]');
      const marker = g.querySelector('[data-end-marker]');
      return {
        id: g.getAttribute('data-route-id') ?? '',
        kind: line.getAttribute('data-route') ?? '',
        from: line.getAttribute('data-from') ?? '',
        to: line.getAttribute('data-to') ?? '',
        points,
        tip: head ? pointsOf(head.getAttribute('points'))[0] : points[points.length - 1],
        ...(label ? { label: unionLine(textLines(label)), labelLines: textLines(label), labelSize: Number(label.getAttribute('font-size')) } : {}),
        ...(marker ? { marker: rectBox(marker) } : {}),
      };
    });
    const connectors: SheetConnector[] = [...svg.querySelectorAll('g[data-connector]')].map((g) => {
      const polygon = pointsOf(g.querySelector('polygon')!.getAttribute('points'));
      const box = bounds(polygon);
      const center: P = [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2];
      // The point: the one vertex in the middle of a side of the bounding box.
      const tip =
        polygon.find(
          ([x, y]) =>
            (Math.abs(x - center[0]) < EPS && (near(y, box.y1) || near(y, box.y2))) || (Math.abs(y - center[1]) < EPS && (near(x, box.x1) || near(x, box.x2))),
        ) ?? center;
      const d: P = [Math.sign(Math.round(tip[0] - center[0])), Math.sign(Math.round(tip[1] - center[1]))];
      return { letter: g.getAttribute('data-connector') ?? '', role: g.getAttribute('data-role') ?? '', box, polygon, tip, direction: d };
    });
    return {
      name: `procedure ${Number(svg.getAttribute('data-procedure')) + 1} sheet ${svg.getAttribute('data-sheet')}`,
      procedure: svg.getAttribute('data-procedure') ?? '',
      cells: cellsOf(svg.querySelector('g[data-table-body]')),
      headerCells: cellsOf(svg.querySelector('g[data-table-header]')),
      actorColumns: [...svg.querySelectorAll('rect[data-actor-column]')].map((r) => ({ actor: r.getAttribute('data-actor-column') ?? '', box: rectBox(r) })),
      symbols,
      routes,
      connectors,
    };
  });
  // Closed at once: a property run parses thousands of drawings.
  dom.window.close();
  return parsed;
}

const near = (a: number, b: number) => Math.abs(a - b) < EPS;

function corners(b: Box): P[] {
  return [
    [b.x1, b.y1],
    [b.x2, b.y1],
    [b.x2, b.y2],
    [b.x1, b.y2],
  ];
}

function segmentsOf(points: P[]): Segment[] {
  return points.slice(1).map((p, i) => [points[i], p]);
}

/** Whether two boxes overlap by more than EPS in both directions. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 - EPS && b.x1 < a.x2 - EPS && a.y1 < b.y2 - EPS && b.y1 < a.y2 - EPS;
}

/** Whether a segment passes through the inside of a box (touching its edge does not count). */
export function segmentHitsBox([a, b]: Segment, box: Box): boolean {
  return convexOverlap([a, b], corners(box));
}

/** Separating-axis test of two convex polygons (a segment is a degenerate one), with a small tolerance. */
function convexOverlap(a: P[], b: P[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const axis: P = [q[1] - p[1], p[0] - q[0]];
      const length = Math.hypot(axis[0], axis[1]);
      if (length === 0) continue;
      const project = (points: P[]) => points.map(([x, y]) => (x * axis[0] + y * axis[1]) / length);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) + EPS || Math.max(...pb) <= Math.min(...pa) + EPS) return false;
    }
  }
  return true;
}

function boxHitsPolygon(box: Box, polygon: P[]): boolean {
  return convexOverlap(corners(box), polygon);
}

/** The distance between a box and a segment (0 when they touch or overlap). */
function boxSegmentDistance(box: Box, [a, b]: Segment): number {
  let best = Number.POSITIVE_INFINITY;
  const steps = 20;
  for (let i = 0; i <= steps; i++) {
    const x = a[0] + ((b[0] - a[0]) * i) / steps;
    const y = a[1] + ((b[1] - a[1]) * i) / steps;
    const dx = Math.max(box.x1 - x, 0, x - box.x2);
    const dy = Math.max(box.y1 - y, 0, y - box.y2);
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

/** The length two axis-parallel segments share when they lie on one line. */
function sharedLength([a, b]: Segment, [c, d]: Segment): number {
  const vertical = near(a[0], b[0]) && near(c[0], d[0]) && near(a[0], c[0]);
  const horizontal = near(a[1], b[1]) && near(c[1], d[1]) && near(a[1], c[1]);
  if (vertical) return Math.min(Math.max(a[1], b[1]), Math.max(c[1], d[1])) - Math.max(Math.min(a[1], b[1]), Math.min(c[1], d[1]));
  if (horizontal) return Math.min(Math.max(a[0], b[0]), Math.max(c[0], d[0])) - Math.max(Math.min(a[0], b[0]), Math.min(c[0], d[0]));
  return 0;
}

const fmt = (b: Box) => `[${b.x1.toFixed(1)},${b.y1.toFixed(1)} ${b.x2.toFixed(1)},${b.y2.toFixed(1)}]`;

export interface Problem {
  sheet: string;
  kind: string;
  detail: string;
}

/** How far from the first segment of its route an exit's label may sit, in label font sizes. */
export const LABEL_REACH_EM = 1.1;

/** Everything wrong with one sheet's drawing. */
export function sheetProblems(sheet: Sheet, lexicon: Lexicon): Problem[] {
  const problems: Problem[] = [];
  const add = (kind: string, detail: string) => problems.push({ sheet: sheet.name, kind, detail });
  const allCells = [...sheet.headerCells, ...sheet.cells];
  const labelled = sheet.routes.filter((r) => r.label);

  // Labels: inside one cell (no column border, no gridline), clear of other labels, symbols, routes, connectors.
  labelled.forEach((route, i) => {
    const label = route.label!;
    const box = label.box;
    const what = `label '${label.text}' of ${route.from}→${route.to} ${fmt(box)}`;
    for (const cell of allCells) {
      const c = cell.box;
      const insideY = box.y1 < c.y2 - EPS && box.y2 > c.y1 + EPS;
      const insideX = box.x1 < c.x2 - EPS && box.x2 > c.x1 + EPS;
      for (const x of [c.x1, c.x2])
        if (insideY && box.x1 < x - EPS && box.x2 > x + EPS) add('label-cut-by-border', `${what} crosses the column border x=${x.toFixed(1)}`);
      for (const y of [c.y1, c.y2])
        if (insideX && box.y1 < y - EPS && box.y2 > y + EPS) add('label-cut-by-gridline', `${what} crosses the gridline y=${y.toFixed(1)}`);
    }
    for (const other of labelled.slice(i + 1))
      if (boxesOverlap(box, other.label!.box)) add('label-overlaps-label', `${what} overlaps '${other.label!.text}' of ${other.from}→${other.to}`);
    for (const s of sheet.symbols)
      if (boxHitsPolygon(box, s.polygon)) add('label-overlaps-symbol', `${what} overlaps the ${s.kind} of step ${s.number} (${s.actor})`);
    for (const other of sheet.routes) {
      const own = other === route;
      // Its own route's first segment is what it labels; the rest of its own route must not cross it either.
      const segments = segmentsOf(other.points).slice(own ? 1 : 0);
      if (segments.some((s) => segmentHitsBox(s, box)))
        add('label-crossed-by-route', `${what} is crossed by ${own ? 'its own' : 'the'} route ${other.from}→${other.to} (${other.kind})`);
      if (other.marker && boxesOverlap(box, other.marker)) add('label-overlaps-symbol', `${what} overlaps the end marker of ${other.from}`);
    }
    for (const c of sheet.connectors) if (boxHitsPolygon(box, c.polygon)) add('label-overlaps-connector', `${what} lies on connector ${c.letter}`);
    // Next to the start of its own route, and nearer to it than to any other route leaving that symbol.
    const first = segmentsOf(route.points)[0];
    const distance = boxSegmentDistance(box, first);
    if (distance > LABEL_REACH_EM * (route.labelSize ?? 8)) add('label-far-from-route', `${what} is ${distance.toFixed(1)} from the start of its route`);
    for (const other of sheet.routes) {
      if (other === route || other.from !== route.from || other.points.length < 2) continue;
      const [[x0, y0]] = other.points;
      if (!near(x0, route.points[0][0]) && !near(y0, route.points[0][1]) && Math.hypot(x0 - route.points[0][0], y0 - route.points[0][1]) > 60) continue;
      const theirs = boxSegmentDistance(box, segmentsOf(other.points)[0]);
      if (theirs < distance)
        add(
          'label-on-wrong-route',
          `${what} is nearer to the start of ${other.from}→${other.to} (${theirs.toFixed(1)}) than to its own (${distance.toFixed(1)})`,
        );
    }
  });

  // Routes: no two share a piece of line, except arrows merging into the same entry of one target.
  sheet.routes.forEach((a, i) => {
    const sa = segmentsOf(a.points);
    for (const b of sheet.routes.slice(i + 1)) {
      const sb = segmentsOf(b.points);
      sa.forEach((x, xi) =>
        sb.forEach((y, yi) => {
          const shared = sharedLength(x, y);
          if (shared <= 1) return;
          // Arrows into one target may merge for their entry: over its top (two segments) or into its side.
          const merging = a.to === b.to && xi >= sa.length - 2 && yi >= sb.length - 2 && a.kind !== 'link' && b.kind !== 'link';
          if (!merging) add('routes-share-segment', `${a.from}→${a.to} (${a.kind}) and ${b.from}→${b.to} (${b.kind}) share ${shared.toFixed(1)} units of line`);
        }),
      );
    }
    // Routes cross no symbol but their own ends.
    for (const s of sheet.symbols) {
      if (s.step === a.from || s.step === a.to) continue;
      if (sa.some((seg) => convexOverlap(seg, s.polygon)))
        add('route-crosses-symbol', `${a.from}→${a.to} (${a.kind}) crosses the ${s.kind} of step ${s.number}`);
    }
  });

  // Symbols: inside their actor's column and row, and keeping their shape.
  for (const s of sheet.symbols) {
    const column = sheet.actorColumns.find((c) => c.actor === s.actor);
    const b = s.box;
    if (!column || b.x1 < column.box.x1 - EPS || b.x2 > column.box.x2 + EPS || b.y1 < column.box.y1 - EPS || b.y2 > column.box.y2 + EPS)
      add('symbol-outside-column', `the ${s.kind} of step ${s.number} ${fmt(b)} is not inside the column of ${s.actor}`);
    const width = b.x2 - b.x1;
    const height = b.y2 - b.y1;
    if (s.kind === 'terminator' && !(width >= 1.5 * height && near(s.radius, height / 2)))
      add('symbol-shape', `the terminator of step ${s.number} is ${width.toFixed(1)}×${height.toFixed(1)}, not a capsule`);
    if (s.kind === 'process' && !(width >= height && s.radius === 0))
      add('symbol-shape', `the process of step ${s.number} is ${width.toFixed(1)}×${height.toFixed(1)}, not a box`);
    if (s.kind === 'decision' && !(s.polygon.length === 4 && width >= height))
      add('symbol-shape', `the decision of step ${s.number} is ${width.toFixed(1)}×${height.toFixed(1)}, not a diamond`);
  }
  const decisions = new Map<string, number>();
  for (const s of sheet.symbols) if (s.kind === 'decision') decisions.set(s.step, (decisions.get(s.step) ?? 0) + 1);
  for (const [step, count] of decisions) if (count > 1) add('decision-duplicated', `the decision of step index ${step} is drawn ${count} times`);

  // Text: every line inside its cell.
  for (const cell of allCells) {
    for (const line of cell.lines) {
      const b = line.box;
      if (b.x1 < cell.box.x1 - EPS || b.x2 > cell.box.x2 + EPS || b.y1 < cell.box.y1 - EPS || b.y2 > cell.box.y2 + EPS)
        add('text-overflows-cell', `'${line.text}' ${fmt(b)} overflows its ${cell.role} cell ${fmt(cell.box)}`);
    }
  }

  // Words: broken across lines only at a hyphenation point, showing a hyphen (word-breaks.ts).
  const texts = [
    ...allCells.map((c) => ({ what: `${c.role} cell`, lines: c.lines })),
    ...labelled.map((r) => ({ what: `label of ${r.from}→${r.to}`, lines: r.labelLines! })),
  ];
  for (const { what, lines } of texts)
    for (const detail of lineBreakProblems(
      lines.map((l) => l.text),
      lexicon,
    ))
      add('word-broken-badly', `${detail} in the ${what}`);

  // Connectors: clear of each other and of the symbols.
  sheet.connectors.forEach((c, i) => {
    for (const other of sheet.connectors.slice(i + 1))
      if (convexOverlap(c.polygon, other.polygon))
        add('connector-overlaps-connector', `${c.role}-connector ${c.letter} ${fmt(c.box)} lies on ${other.role}-connector ${other.letter} ${fmt(other.box)}`);
    for (const s of sheet.symbols)
      if (convexOverlap(c.polygon, s.polygon))
        add('connector-overlaps-symbol', `${c.role}-connector ${c.letter} ${fmt(c.box)} lies on the ${s.kind} of step ${s.number}`);
  });

  // Connectors: the arrow enters through the flat side and leaves through the point.
  for (const c of sheet.connectors) {
    const [dx, dy] = c.direction;
    if (c.role === 'out') {
      const entering = sheet.routes.find((r) => {
        const [px, py] = r.tip;
        const onBase =
          dy !== 0
            ? near(py, dy > 0 ? c.box.y1 : c.box.y2) && px > c.box.x1 && px < c.box.x2
            : near(px, dx > 0 ? c.box.x1 : c.box.x2) && py > c.box.y1 && py < c.box.y2;
        const last = r.points[r.points.length - 2];
        const along = last && Math.sign(Math.round(r.tip[0] - last[0])) === dx && Math.sign(Math.round(r.tip[1] - last[1])) === dy;
        return onBase && along;
      });
      if (!entering) add('connector-against-flow', `no arrow enters out-connector ${c.letter} through its flat side`);
    } else {
      const leaving = sheet.routes.find((r) => {
        const [p, q] = r.points;
        return q && near(p[0], c.tip[0]) && near(p[1], c.tip[1]) && Math.sign(Math.round(q[0] - p[0])) === dx && Math.sign(Math.round(q[1] - p[1])) === dy;
      });
      if (!leaving) add('connector-against-flow', `no arrow leaves in-connector ${c.letter} from its point`);
    }
  }
  return problems;
}

/**
 * The words a document prints whole somewhere: every word of a one-line text, and every word inside
 * a line (not at either end). Beside the source's, they tell a whole word from a piece of one.
 */
function wordsShownWhole(sheets: Sheet[]): string[] {
  const texts = sheets.flatMap((sheet) => [...sheet.headerCells, ...sheet.cells].map((c) => c.lines).concat(sheet.routes.map((r) => r.labelLines ?? [])));
  return texts.flatMap((lines) => (lines.length === 1 ? [lines[0].text] : lines.map((l) => l.text.split(' ').slice(1, -1).join(' '))));
}

/**
 * Problems across the sheets of one SOP: each sheet's, words broken off their hyphenation points
 * (`source`: the .sop text, whose words tell a whole word from a piece), connectors paired per
 * procedure, same size, letters from A.
 */
export function documentProblems(sheets: Sheet[], source: string): Problem[] {
  const lexicon = new Lexicon(source, wordsShownWhole(sheets));
  const problems = sheets.flatMap((sheet) => sheetProblems(sheet, lexicon));
  const byProcedure = new Map<string, SheetConnector[]>();
  for (const sheet of sheets) byProcedure.set(sheet.procedure, [...(byProcedure.get(sheet.procedure) ?? []), ...sheet.connectors]);
  for (const [procedure, connectors] of byProcedure) {
    const name = `procedure ${Number(procedure) + 1}`;
    const letters = [...new Set(connectors.map((c) => c.letter))];
    for (const letter of letters) {
      const roles = connectors
        .filter((c) => c.letter === letter)
        .map((c) => c.role)
        .sort();
      if (roles.join() !== 'in,out') problems.push({ sheet: name, kind: 'connector-unpaired', detail: `connector ${letter} appears as ${roles.join(', ')}` });
    }
    const expected = letters.map((_, i) => String.fromCharCode(65 + i));
    if (letters.length <= 26 && letters.join() !== expected.join())
      problems.push({ sheet: name, kind: 'connector-letters', detail: `letters ${letters.join(',')}, expected ${expected.join(',')}` });
    const sizes = new Set(connectors.map((c) => `${(c.box.x2 - c.box.x1).toFixed(1)}×${(c.box.y2 - c.box.y1).toFixed(1)}`));
    if (sizes.size > 1) problems.push({ sheet: name, kind: 'connector-sizes', detail: `connectors of different sizes: ${[...sizes].join(', ')}` });
  }
  return problems;
}
