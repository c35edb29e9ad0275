/**
 * The arrows of a procedure, from the flow graph (src/flow/graph.ts), drawn orthogonally:
 * - to the next step on the same page: down from the symbol's bottom, across, down into the next one;
 * - to the next step on the next page: down into an off-page connector, and from its twin on the next page;
 * - any other exit (return edges, jumps): out of the symbol's side, along a lane in the target column's
 *   gutter, into the target's side; across pages through a pair of side connectors;
 * - a step with several actors: its symbols joined by a line.
 */
import type { FlowEdge, FlowGraph } from '../../../resolve/flow-graph.js';
import { drawnTerminals, terminalText } from '../../flow-ends.js';
import { type LabelRequest, labelRoomNeeded, placeLabels } from './labels.js';
import { labelFitsBeside, labelFitsUnder } from './exit-room.js';
import type { Side } from './lanes.js';
import type { LetterSequence } from './letters.js';
import type { PlacedPage, StepGeometry } from './place.js';
import { assignPorts, type Port } from './ports.js';
import { planStubs, type StubPlan, type StubSurroundings } from './stub-side.js';
import { CONNECTOR_SIZE } from './style.js';
import type { Column, PlacedSymbol, Point, Route } from './types.js';

interface RouteContext {
  graph: FlowGraph;
  /** Where each step's outgoing edges leave it (filled before any route is drawn). */
  ports?: Map<number, Map<FlowEdge, Port>>;
  /** The side each step's stubs to 'selesai' and '?' leave from (filled before any route is drawn). */
  endSides?: Map<number, Side>;
  pages: PlacedPage[];
  steps: Map<number, StepGeometry>;
  columns: Column[];
  letters: LetterSequence;
  /** The labels to place on each page once all its arrows are drawn. */
  labels?: Map<number, LabelRequest[]>;
}

/** How far a side connector's centre lies above or below the symbol's centre, at most. */
const SIDE_CONNECTOR_OFFSET = 22;

export function routeProcedure(context: RouteContext): void {
  const { graph, steps } = context;
  const offset = (from: number, to: number) => {
    const [a, b] = nearestPair(steps.get(from)!.symbols, steps.get(to)!.symbols);
    return b.cx - a.cx;
  };
  const linkedSides = (i: number) => {
    const geometry = steps.get(i)!;
    const sides = new Set<Side>();
    for (const mark of geometry.marks ?? []) sides.add(mark.cx < geometry.symbols[0].cx ? 'left' : 'right');
    return sides;
  };
  // An exit to its own column leaves on the side where its label finds room (see exitGutter).
  const sameColumnSide =
    (i: number) =>
    (edge: FlowEdge): { side: Side; strict: boolean } => {
      const symbol = steps.get(i)!.symbols[0];
      const column = columnOf(context, symbol);
      const roomy = (side: Side) => !edge.label || labelFitsBeside(column, symbol, side, edge.label) || neighbourOf(context, column, side) !== undefined;
      const [right, left] = [roomy('right'), roomy('left')];
      return { side: right || !left ? 'right' : 'left', strict: right !== left };
    };
  const fitsUnder = (i: number) => (edge: FlowEdge) => !edge.label || labelFitsUnder(columnOf(context, steps.get(i)!.symbols[0]), edge.label);
  context.ports = new Map([...steps.keys()].map((i) => [i, assignPorts(graph, i, offset, linkedSides(i), sameColumnSide(i), fitsUnder(i))]));
  context.labels = new Map();
  const terminals = drawnTerminals(graph);
  // Each step's stubs, gathered once: a search per step is quadratic at 100,000 steps.
  const unresolvedOf = groupByStep(graph.unresolved);
  const terminalsOf = groupByStep(terminals);
  // Chosen before any arrow is drawn, so that no arrow enters a symbol where its stubs leave.
  const stubPlans = new Map<number, StubPlan>();
  for (const stepIndex of new Set([...unresolvedOf.keys(), ...terminalsOf.keys()])) {
    const labels = [...(unresolvedOf.get(stepIndex) ?? []).map(unresolvedText), ...(terminalsOf.get(stepIndex) ?? []).map((t) => terminalText(t) ?? '')];
    stubPlans.set(stepIndex, planStubs(stubSurroundings(context, stepIndex), labels));
  }
  context.endSides = new Map([...stubPlans].map(([i, plan]) => [i, plan.side]));
  for (const [stepIndex, geometry] of steps) {
    linkCopies(context, geometry);
    const ports = context.ports.get(stepIndex)!;
    for (const [edge, port] of ports) {
      const samePage = steps.get(edge.to)!.page === geometry.page;
      if (port === 'bottom' && samePage) routeDown(context, edge);
      else if (port === 'bottom') routePageBreak(context, edge);
      else if (samePage && edge.to === edge.from + 1 && offset(edge.from, edge.to) !== 0) routeCorner(context, edge, port);
      else if (samePage) routeSide(context, edge, port);
      else routeSideAcrossPages(context, edge, port);
    }
    const plan = stubPlans.get(stepIndex);
    if (!plan) continue;
    let stubs = plan.stackFrom;
    const stub = (symbol: PlacedSymbol, kind: Route['kind'], text: string | null, reach: number, dashed = false) => {
      // A long stub's label sits above it in the next column, clear of its end marker: low enough
      // on the side for its lines.
      const room = text ? labelRoomNeeded(text, columnOf(context, symbol)) + END_MARKER_ROOM : 0;
      const lowest = plan.long ? room - (symbol.cy - geometry.rowTop) : 0;
      const start = stubStart(symbol, plan.side, stubs, lowest);
      const end: Point = [plan.long ? longStubEnd(context, symbol, plan.side) : start[0] + (plan.side === 'right' ? reach : -reach), start[1]];
      const route: Route = { kind, points: [start, end], arrow: true, ...(dashed ? { dashed: true } : {}), from: stepIndex, to: stepIndex };
      pageOf(context, stepIndex).layout.routes.push(route);
      // Below another exit's line, the label goes below the stub.
      requestLabel(context, route, text, stubs++ > 0 ? 'below' : 'above');
    };
    for (const unresolved of unresolvedOf.get(stepIndex) ?? []) stub(geometry.symbols[0], 'flow', unresolvedText(unresolved), 14);
    // A flow to 'selesai' ends at a small end capsule beside the symbol; one to '?' is a dashed stub.
    for (const terminal of terminalsOf.get(stepIndex) ?? [])
      stub(geometry.symbols[geometry.symbols.length - 1], terminal.kind, terminalText(terminal), STUB, terminal.kind === 'unknown');
  }
  context.pages.forEach((page, i) => {
    const columnAt = (x: number) => context.columns.find((c) => c.kind === 'actor' && x >= c.x && x <= c.x + c.width);
    placeLabels(page.layout, context.labels!.get(i) ?? [], columnAt);
  });
}

function groupByStep<T extends { from: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.get(item.from)?.push(item) ?? groups.set(item.from, [item]);
  return groups;
}

/** Registers a route's label, placed once the page's arrows are all drawn (labels.ts). */
function requestLabel(context: RouteContext, route: Route, text: string | null, prefer: LabelRequest['prefer']): void {
  if (!text) return;
  const source = context.steps.get(route.from)!;
  const page = source.page;
  const list = context.labels!.get(page) ?? [];
  context.labels!.set(page, list);
  list.push({ route, text, rowTop: source.rowTop, rowBottom: source.rowBottom, prefer });
}

/** How far a stub (an exit to a missing step, to 'selesai' or to '?') reaches out of the symbol. */
const STUB = 8;
/** How far a label above a stub keeps from the line for the stub's end marker (half its height, and more). */
const END_MARKER_ROOM = 4;
/** How far a long stub reaches into the next column (its end marker beyond). */
const LONG_STUB_INTO = 10;

function unresolvedText(unresolved: FlowGraph['unresolved'][number]): string {
  return `${unresolved.exit.label ?? ''} → ${unresolved.exit.target ?? '?'}`.trim();
}

/** Where a long stub ends: a little way into the next column. */
function longStubEnd(context: RouteContext, symbol: PlacedSymbol, side: Side): number {
  const column = columnOf(context, symbol);
  return side === 'right' ? column.x + column.width + LONG_STUB_INTO : column.x - LONG_STUB_INTO;
}

/** What a step's stubs have around them: its column, the free cells beside, the sides taken. */
function stubSurroundings(context: RouteContext, stepIndex: number): StubSurroundings {
  const geometry = context.steps.get(stepIndex)!;
  const symbol = geometry.symbols[geometry.symbols.length - 1];
  const column = columnOf(context, symbol);
  const layout = context.pages[geometry.page].layout;
  const freeNeighbour = (side: Side) => {
    const neighbour = neighbourOf(context, column, side);
    if (!neighbour) return undefined;
    const inCell = (s: PlacedSymbol) =>
      s.x < neighbour.x + neighbour.width && s.x + s.width > neighbour.x && s.y < geometry.rowBottom && s.y + s.height > geometry.rowTop;
    if (layout.symbols.some(inCell)) return undefined;
    // Nor where the exit on that side turns (its lane and its label are there).
    const exit = [...context.ports!.get(stepIndex)!].find(([, port]) => port === side)?.[0];
    if (!exit) return neighbour;
    const target = nearestPair(geometry.symbols, context.steps.get(exit.to)!.symbols)[1];
    const targetColumn = columnOf(context, target);
    const samePage = context.steps.get(exit.to)!.page === geometry.page;
    const inGutter = targetColumn === column || !samePage;
    const turnsThere = targetColumn === neighbour || (inGutter && exitGutter(context, symbol, side, exit.label).column === neighbour);
    return turnsThere ? undefined : neighbour;
  };
  const copies = [...geometry.symbols, ...(geometry.marks ?? [])];
  const linked = new Set<Side>();
  if (copies.some((c) => c.cx < symbol.cx)) linked.add('left');
  if (copies.some((c) => c.cx > symbol.cx)) linked.add('right');
  return { symbol, column, freeNeighbour, used: new Set(context.ports!.get(stepIndex)!.values()), linked };
}

/** Where the k-th stub of a symbol leaves it: the side's vertex, further ones stacked below it. */
function stubStart(symbol: PlacedSymbol, side: Side, k: number, lowest = 0): Point {
  const [x, y] = sideVertex(symbol, side);
  if (k === 0 && lowest <= 0) return [x, y];
  // Below the vertex the side of a diamond slopes inwards: follow it.
  const dy = Math.min(Math.max(k * 9, lowest), symbol.height / 2 - 2);
  const inset = symbol.kind === 'decision' ? (dy / (symbol.height / 2)) * (symbol.width / 2) : 0;
  return [side === 'right' ? x - inset : x + inset, y + dy];
}

function pageOf(context: RouteContext, stepIndex: number): PlacedPage {
  return context.pages[context.steps.get(stepIndex)!.page];
}

function columnOf(context: RouteContext, symbol: PlacedSymbol): Column {
  return context.columns.find((c) => c.kind === 'actor' && c.actorId === symbol.actorId)!;
}

/** The actor column next to `column` on `side`, if any. */
function neighbourOf(context: RouteContext, column: Column, side: Side): Column | undefined {
  const actors = context.columns.filter((c) => c.kind === 'actor');
  return actors[actors.indexOf(column) + (side === 'right' ? 1 : -1)];
}

/**
 * The gutter where a side exit that stays in its column turns: its own column's, or, when the label
 * does not fit beside the exit there, the facing gutter of the next actor column, so that the label
 * finds room where the line turns.
 */
function exitGutter(context: RouteContext, s: PlacedSymbol, side: Side, label: string | null): { column: Column; side: Side } {
  const own = columnOf(context, s);
  const neighbour = neighbourOf(context, own, side);
  if (!label || !neighbour || labelFitsBeside(own, s, side, label)) return { column: own, side };
  return { column: neighbour, side: side === 'right' ? 'left' : 'right' };
}

/** The copies of two multi-actor steps closest to each other horizontally. */
function nearestPair(a: PlacedSymbol[], b: PlacedSymbol[]): [PlacedSymbol, PlacedSymbol] {
  let best: [PlacedSymbol, PlacedSymbol] = [a[0], b[0]];
  for (const x of a) for (const y of b) if (Math.abs(y.cx - x.cx) < Math.abs(best[1].cx - best[0].cx)) best = [x, y];
  return best;
}

const bottomVertex = (s: PlacedSymbol): Point => [s.cx, s.y + s.height];
const topVertex = (s: PlacedSymbol): Point => [s.cx, s.y];
const sideVertex = (s: PlacedSymbol, side: Side): Point => [side === 'right' ? s.x + s.width : s.x, s.cy];

function linkCopies(context: RouteContext, geometry: StepGeometry): void {
  const copies = [...geometry.symbols, ...(geometry.marks ?? [])].sort((a, b) => a.cx - b.cx);
  for (let i = 0; i + 1 < copies.length; i++) {
    const [a, b] = [copies[i], copies[i + 1]];
    context.pages[geometry.page].layout.routes.push({
      kind: 'link',
      points: [sideVertex(a, 'right'), sideVertex(b, 'left')],
      arrow: false,
      from: a.stepIndex,
      to: a.stepIndex,
    });
  }
}

/**
 * The side a route enters a target symbol from: the preferred one unless the target's own exits leave
 * there or a line to another copy of a multi-actor step is attached there; then the other side; 'top'
 * when both sides are taken.
 */
function entrySide(context: RouteContext, target: PlacedSymbol, preferred: Side): Side | 'top' {
  const used = new Set<string>(context.ports?.get(target.stepIndex)?.values() ?? []);
  const endSide = context.endSides?.get(target.stepIndex);
  if (endSide) used.add(endSide);
  const geometry = context.steps.get(target.stepIndex)!;
  const copies = [...geometry.symbols, ...(geometry.marks ?? [])];
  if (copies.some((c) => c.cx < target.cx)) used.add('left');
  if (copies.some((c) => c.cx > target.cx)) used.add('right');
  if (!used.has(preferred)) return preferred;
  const other: Side = preferred === 'right' ? 'left' : 'right';
  return used.has(other) ? 'top' : other;
}

/**
 * The side whose lane takes a route entering `target` over its top: a side joined only to a
 * co-actor's mark rather than one where the target's own exits leave (their labels sit there).
 */
function topLaneSide(context: RouteContext, target: PlacedSymbol, preferred: Side): Side {
  const exits = new Set<string>(context.ports?.get(target.stepIndex)?.values() ?? []);
  const endSide = context.endSides?.get(target.stepIndex);
  if (endSide) exits.add(endSide);
  const other: Side = preferred === 'right' ? 'left' : 'right';
  return exits.has(preferred) && !exits.has(other) ? other : preferred;
}

/** From a lane at x down or up to the target: into its side, or over its top into the top vertex. */
function enter(t: PlacedSymbol, lane: number, side: Side | 'top'): Point[] {
  if (side !== 'top') return [[lane, t.cy], sideVertex(t, side)];
  const above = t.y - 8;
  return [[lane, above], [t.cx, above], topVertex(t)];
}

function routeDown(context: RouteContext, edge: FlowEdge): void {
  const source = context.steps.get(edge.from)!;
  const [s, t] = nearestPair(source.symbols, context.steps.get(edge.to)!.symbols);
  const start = bottomVertex(s);
  const end = topVertex(t);
  const points: Point[] = [start];
  if (Math.abs(s.cx - t.cx) >= 0.5) {
    const turn = (start[1] + source.rowBottom) / 2;
    points.push([s.cx, turn], [t.cx, turn]);
  }
  points.push(end);
  const route: Route = { kind: 'flow', points, arrow: true, from: edge.from, to: edge.to };
  pageOf(context, edge.from).layout.routes.push(route);
  requestLabel(context, route, edge.label, t.cx > s.cx ? 'left' : 'right');
}

/** To the next step in another column out of the side: across to above its top, and down into it. */
function routeCorner(context: RouteContext, edge: FlowEdge, side: Side): void {
  const [s, t] = nearestPair(context.steps.get(edge.from)!.symbols, context.steps.get(edge.to)!.symbols);
  const start = sideVertex(s, side);
  const route: Route = { kind: 'flow', points: [start, [t.cx, s.cy], topVertex(t)], arrow: true, from: edge.from, to: edge.to };
  pageOf(context, edge.from).layout.routes.push(route);
  requestLabel(context, route, edge.label, 'above');
}

function routePageBreak(context: RouteContext, edge: FlowEdge): void {
  const letter = context.letters.next();
  const [s, t] = nearestPair(context.steps.get(edge.from)!.symbols, context.steps.get(edge.to)!.symbols);
  const sourcePage = pageOf(context, edge.from);
  const outY = sourcePage.tableBottom - CONNECTOR_SIZE - 7;
  const start = bottomVertex(s);
  sourcePage.layout.connectors.push({ letter, role: 'out', cx: s.cx, y: outY, size: CONNECTOR_SIZE });
  const route: Route = { kind: 'off-page', points: [start, [s.cx, outY]], arrow: true, from: edge.from, to: edge.to };
  sourcePage.layout.routes.push(route);
  requestLabel(context, route, edge.label, 'right');

  const targetPage = pageOf(context, edge.to);
  const inY = targetPage.tableTop + 7;
  targetPage.layout.connectors.push({ letter, role: 'in', cx: t.cx, y: inY, size: CONNECTOR_SIZE });
  targetPage.layout.routes.push({ kind: 'off-page', points: [[t.cx, inY + CONNECTOR_SIZE], topVertex(t)], arrow: true, from: edge.from, to: edge.to });
}

function routeSide(context: RouteContext, edge: FlowEdge, side: Side): void {
  const [s, t] = nearestPair(context.steps.get(edge.from)!.symbols, context.steps.get(edge.to)!.symbols);
  const page = pageOf(context, edge.from);
  const start = sideVertex(s, side);
  const prefer = t.cy <= s.cy ? 'below' : 'above';
  const kind = edge.isReturn ? 'return' : 'flow';
  if (edge.from === edge.to) {
    const above = s.y - 8;
    const gutter = exitGutter(context, s, side, edge.label);
    const lane = page.lanes.allocate(gutter.column, gutter.side, above, s.cy);
    const points: Point[] = [start, [lane, s.cy], [lane, above], [s.cx, above], topVertex(s)];
    const route: Route = { kind, points, arrow: true, from: edge.from, to: edge.to };
    page.layout.routes.push(route);
    requestLabel(context, route, edge.label, prefer);
    return;
  }
  const sourceColumn = columnOf(context, s);
  const targetColumn = columnOf(context, t);
  const preferred: Side = targetColumn === sourceColumn ? side : targetColumn.x < sourceColumn.x ? 'right' : 'left';
  const sameColumn = targetColumn === sourceColumn;
  // Within one column a route never crosses its own symbol: when the target's side facing the exit
  // is taken, it enters over the top from the exit's side.
  const entry = sameColumn && entrySide(context, t, preferred) !== side ? 'top' : entrySide(context, t, preferred);
  const laneSide = sameColumn ? side : entry === 'top' ? topLaneSide(context, t, preferred) : entry;
  // A return to the same column turns in the next column when its label needs the room.
  const gutter = sameColumn ? exitGutter(context, s, side, edge.label) : { column: targetColumn, side: laneSide };
  const lane = page.lanes.allocate(gutter.column, gutter.side, s.cy, entry === 'top' ? t.y - 8 : t.cy);
  const points: Point[] = [start, [lane, s.cy], ...enter(t, lane, entry)];
  const route: Route = { kind, points, arrow: true, from: edge.from, to: edge.to };
  page.layout.routes.push(route);
  requestLabel(context, route, edge.label, prefer);
}

function routeSideAcrossPages(context: RouteContext, edge: FlowEdge, side: Side): void {
  const letter = context.letters.next();
  const source = context.steps.get(edge.from)!;
  const target = context.steps.get(edge.to)!;
  const [s, t] = nearestPair(source.symbols, target.symbols);
  const half = CONNECTOR_SIZE / 2;
  // A return's connectors point up, the way its flow goes; a forward jump's point down.
  const pointing = target.page < source.page ? 'up' : 'down';
  const kind = edge.isReturn ? 'return' : 'flow';

  // Source page: out of the side, along a lane towards the other page, into a connector.
  const sourcePage = context.pages[source.page];
  const towards = target.page < source.page ? -1 : 1;
  const start = sideVertex(s, side);
  const connectorY = s.cy + towards * connectorOffset(source, s, towards);
  const gutter = exitGutter(context, s, side, edge.label);
  const outLane = sourcePage.lanes.allocate(gutter.column, gutter.side, s.cy, connectorY + towards * half);
  const outRoute: Route = { kind, points: [start, [outLane, s.cy], [outLane, connectorY - towards * half]], arrow: true, from: edge.from, to: edge.to };
  sourcePage.layout.routes.push(outRoute);
  requestLabel(context, outRoute, edge.label, towards < 0 ? 'below' : 'above');
  sourcePage.layout.connectors.push({ letter, role: 'out', cx: outLane, y: connectorY - half, size: CONNECTOR_SIZE, pointing });

  // Target page: from a connector on the side the flow comes from, along a lane, into the side.
  const targetPage = context.pages[target.page];
  const sourceColumn = columnOf(context, s);
  const targetColumn = columnOf(context, t);
  let entry = entrySide(context, t, targetColumn.x > sourceColumn.x ? 'left' : 'right');
  const inSide: Side = entry === 'top' ? topLaneSide(context, t, targetColumn.x > sourceColumn.x ? 'left' : 'right') : entry;
  const from = -towards;
  const inY = t.cy + from * connectorOffset(target, t, from);
  let inLane = targetPage.lanes.allocate(targetColumn, inSide, t.cy, inY + from * half);
  // Two connectors into one step never overlap: the second goes to the other side, over the top.
  const clash = (x: number) =>
    targetPage.layout.connectors.some((c) => Math.abs(c.cx - x) < CONNECTOR_SIZE + 1 && Math.abs(c.y - (inY - half)) < CONNECTOR_SIZE + 1);
  if (clash(inLane)) {
    const other: Side = inSide === 'right' ? 'left' : 'right';
    const lane = targetPage.lanes.allocate(targetColumn, other, t.cy, inY + from * half);
    if (!clash(lane)) {
      inLane = lane;
      entry = 'top';
    }
  }
  targetPage.layout.connectors.push({ letter, role: 'in', cx: inLane, y: inY - half, size: CONNECTOR_SIZE, pointing });
  targetPage.layout.routes.push({ kind, points: [[inLane, inY - from * half], ...enter(t, inLane, entry)], arrow: true, from: edge.from, to: edge.to });
}

/** How far above (-1) or below (1) a symbol's centre its side connector sits: as far as its row lets it. */
function connectorOffset(step: StepGeometry, symbol: PlacedSymbol, towards: number): number {
  const room = towards > 0 ? step.rowBottom - symbol.cy : symbol.cy - step.rowTop;
  return Math.min(SIDE_CONNECTOR_OFFSET, room - CONNECTOR_SIZE / 2 - 1.5);
}
