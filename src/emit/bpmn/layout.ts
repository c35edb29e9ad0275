/**
 * Diagram coordinates of a procedure's pool. Lanes are horizontal bands in declared order; each lane
 * has, top to bottom, a band for annotations, a track for flows, room for labels above its row of
 * shapes, the row, room for labels below it, and a track. Each step is a column (flow runs left to
 * right) of slots: merge, parallel split, task(s), parallel join, decision, exit events; a slot's x
 * range belongs to its step alone, in every lane, so vertical runs between lanes cross no shape.
 * Flows that do not run straight on along the row go by a lane's tracks; returns by the bottom track
 * of the lower lane, into the bottom of their target. Text sizes come from text-size.ts.
 */
import type { BpmnFlow, BpmnNode, BpmnProcessModel, Slot } from './model.js';
import { groupBy } from './group.js';
import { annotationHeight, labelHeight, stripLength, taskSize } from './text-size.js';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Point = { x: number; y: number };

/** The width of a pool's and a lane's name strip (as bpmn.io draws it). */
export const STRIP = 30;
const CONTENT_LEFT = 2 * STRIP;
const GATEWAY = 50;
const EVENT = 36;
const LABEL_WIDTH = 80;
const GATEWAY_LABEL_WIDTH = 70;
const ANNOTATION_WIDTH = 160;
const TRACK = 16;
const PAD = 8;
const MIN_LANE = 110;

export interface PoolLayout {
  width: number;
  height: number;
  lanes: Bounds[];
  nodes: Map<string, Bounds>;
  nodeLabels: Map<string, Bounds>;
  flows: Map<string, { points: Point[]; label: Bounds | null }>;
  annotations: Map<string, { box: Bounds; link: Point[] }>;
}

function gapBefore(slot: Slot, previous: Slot | null): number {
  if (previous === 'decision') return 110; // the straight exit's label
  if (slot === 'decision') return 80; // the gateway's name, below-left of it
  if (slot === 'exit' || previous === 'exit') return 60;
  return 40;
}

const SLOT_ORDER: Slot[] = ['start', 'merge', 'split', 'task', 'join', 'decision', 'exit', 'end'];

/** Relative boxes of a decision's labels, from the gateway's center. */
function decisionLabels(node: BpmnNode, out: BpmnFlow[]): { name: Bounds; flows: Map<string, Bounds> } {
  const flows = new Map<string, Bounds>();
  const h = (f: BpmnFlow) => labelHeight(f.name ?? '', LABEL_WIDTH);
  const right = out.find((f) => f.port === 'right' && f.name);
  let rightTop = -GATEWAY / 2;
  if (right) {
    const height = h(right);
    flows.set(right.id, { x: GATEWAY / 2 + 6, y: -4 - height, width: LABEL_WIDTH, height });
    rightTop = Math.min(rightTop, -4 - height);
  }
  const top = out.find((f) => f.port === 'top' && f.name);
  if (top) {
    const height = h(top);
    flows.set(top.id, { x: 4, y: rightTop - 4 - height, width: LABEL_WIDTH, height });
  }
  let y = GATEWAY / 2 + 4;
  for (const f of out.filter((f) => f.port === 'bottom' && f.name).sort((a, b) => a.stack - b.stack)) {
    const height = h(f);
    flows.set(f.id, { x: 4, y, width: LABEL_WIDTH, height });
    y += height + 2;
  }
  const nameHeight = labelHeight(node.name, GATEWAY_LABEL_WIDTH);
  return { name: { x: -4 - GATEWAY_LABEL_WIDTH, y: GATEWAY / 2 + 4, width: GATEWAY_LABEL_WIDTH, height: nameHeight }, flows };
}

export function layoutPool(model: BpmnProcessModel, poolName: string, poolY: number): PoolLayout {
  const laneCount = Math.max(1, model.laneNames.length);
  const size = new Map<string, { width: number; height: number }>();
  for (const node of model.nodes)
    size.set(
      node.id,
      node.kind === 'task'
        ? taskSize(node.name)
        : node.kind === 'start' || node.kind === 'end'
          ? { width: EVENT, height: EVENT }
          : { width: GATEWAY, height: GATEWAY },
    );
  const outOf = groupBy(model.flows, (f) => f.from);
  const byColumn = groupBy(model.nodes, (n) => n.column);

  // x: columns of slots, left to right.
  const slotX = new Map<string, number>();
  let x = CONTENT_LEFT;
  let previous: Slot | null = null;
  for (let column = 0; column < model.columns; column++) {
    const inColumn = byColumn.get(column) ?? [];
    for (const slot of SLOT_ORDER) {
      const here = inColumn.filter((n) => n.slot === slot).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      if (!here.length) continue;
      if (slot === 'exit') {
        for (const node of here) {
          x += gapBefore(slot, previous);
          slotX.set(node.id, x);
          x += EVENT;
          previous = slot;
        }
        continue;
      }
      x += gapBefore(slot, previous);
      const width = Math.max(...here.map((n) => size.get(n.id)!.width));
      for (const node of here) slotX.set(node.id, x + (width - size.get(node.id)!.width) / 2);
      x += width;
      previous = slot;
    }
  }
  const width = x + 60;

  // y: each lane's room above and below its row, from what stands in it.
  const above = new Array(laneCount).fill(GATEWAY / 2);
  const below = new Array(laneCount).fill(GATEWAY / 2);
  const annotationBand = new Array(laneCount).fill(0);
  const relativeLabels = new Map<string, Bounds>();
  for (const node of model.nodes) {
    const s = size.get(node.id)!;
    let up = s.height / 2;
    let down = s.height / 2;
    if (node.kind === 'start' || node.kind === 'end') {
      const label = { x: -LABEL_WIDTH / 2, y: EVENT / 2 + 4, width: LABEL_WIDTH, height: labelHeight(node.name, LABEL_WIDTH) };
      relativeLabels.set(node.id, label);
      down = label.y + label.height;
    }
    if (node.kind === 'decision') {
      const labels = decisionLabels(node, outOf.get(node.id) ?? []);
      relativeLabels.set(node.id, labels.name);
      for (const [id, box] of labels.flows) relativeLabels.set(id, box);
      for (const box of [labels.name, ...labels.flows.values()]) {
        up = Math.max(up, -box.y);
        down = Math.max(down, box.y + box.height);
      }
    }
    above[node.lane] = Math.max(above[node.lane], up);
    below[node.lane] = Math.max(below[node.lane], down);
  }
  const nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  const flowById = new Map(model.flows.map((f) => [f.id, f]));
  // An annotation stands in the lane of the node it notes, or of the source of the flow it notes.
  const annotationLane = (target: string) => (nodeById.get(target) ?? nodeById.get(flowById.get(target)?.from ?? ''))?.lane ?? 0;
  const annotationSize = new Map<string, number>();
  for (const a of model.annotations) {
    const height = annotationHeight(a.text, ANNOTATION_WIDTH);
    annotationSize.set(a.id, height);
    const lane = annotationLane(a.target);
    annotationBand[lane] = Math.max(annotationBand[lane], height + PAD);
  }
  const heights = above.map((up, l) => {
    const need = PAD + annotationBand[l] + TRACK + up + below[l] + TRACK + PAD;
    const strip = model.laneNames.length ? stripLength(model.laneNames[l]) : 0;
    return Math.ceil(Math.max(MIN_LANE, need, strip));
  });
  const poolStrip = stripLength(poolName);
  const total = heights.reduce((a, b) => a + b, 0);
  if (total < poolStrip) heights[laneCount - 1] += poolStrip - total;
  const lanes: Bounds[] = [];
  let y = poolY;
  for (const height of heights) {
    lanes.push({ x: STRIP, y, width: width - STRIP, height });
    y += height;
  }
  // The row sits in the middle of the room left between the tracks.
  const rowY = lanes.map((lane, l) => {
    const top = lane.y + PAD + annotationBand[l] + TRACK;
    const bottom = lane.y + lane.height - PAD - TRACK;
    return Math.round(top + above[l] + (bottom - top - above[l] - below[l]) / 2);
  });
  const topTrack = (l: number) => lanes[l].y + PAD + annotationBand[l] + TRACK / 2;
  const bottomTrack = (l: number) => lanes[l].y + lanes[l].height - PAD - TRACK / 2;

  const nodes = new Map<string, Bounds>();
  const nodeLabels = new Map<string, Bounds>();
  const laneOf = new Map<string, number>();
  for (const node of model.nodes) {
    const s = size.get(node.id)!;
    const box = { x: Math.round(slotX.get(node.id)!), y: Math.round(rowY[node.lane] - s.height / 2), width: s.width, height: s.height };
    nodes.set(node.id, box);
    laneOf.set(node.id, node.lane);
    const label = relativeLabels.get(node.id);
    if (label) nodeLabels.set(node.id, shift(label, box));
  }

  // Each lane's shapes left to right: they do not overlap, so their right edges rise too.
  const rows = new Map(
    [...groupBy(model.nodes, (n) => n.lane)].map(([lane, members]) => [lane, members.map((n) => nodes.get(n.id)!).sort((a, b) => a.x - b.x)]),
  );
  const clearOf = (lane: number) => (x1: number, x2: number) => {
    const row = rows.get(lane) ?? [];
    let lo = 0;
    let hi = row.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (row[mid].x + row[mid].width <= x1) lo = mid + 1;
      else hi = mid;
    }
    return lo >= row.length || row[lo].x >= x2;
  };
  const flows = new Map<string, { points: Point[]; label: Bounds | null }>();
  for (const flow of model.flows) {
    const from = nodes.get(flow.from)!;
    const to = nodes.get(flow.to)!;
    const lane = laneOf.get(flow.from)!;
    const targetLane = laneOf.get(flow.to)!;
    const points = route(flow, from, to, {
      top: topTrack(lane),
      bottom: bottomTrack(lane),
      lowest: bottomTrack(Math.max(lane, targetLane)),
      clear: clearOf(lane),
    });
    const relative = relativeLabels.get(flow.id);
    flows.set(flow.id, { points, label: relative && flow.name ? shift(relative, from) : null });
  }

  const annotations = new Map<string, { box: Bounds; link: Point[] }>();
  const taken: Bounds[] = [];
  for (const a of model.annotations) {
    const lane = annotationLane(a.target);
    const points = flows.get(a.target)?.points;
    const anchor = points ? { x: (points[0].x + points[1].x) / 2, y: (points[0].y + points[1].y) / 2 } : topCenter(nodes.get(a.target)!);
    const box = {
      x: Math.max(CONTENT_LEFT + 10, Math.round(anchor.x - ANNOTATION_WIDTH / 2)),
      y: lanes[lane].y + PAD,
      width: ANNOTATION_WIDTH,
      height: annotationSize.get(a.id)!,
    };
    while (taken.some((t) => t.y === box.y && overlapsX(t, box.x, box.x + box.width))) box.x += ANNOTATION_WIDTH + 10;
    taken.push(box);
    annotations.set(a.id, { box, link: [{ x: box.x + 20, y: box.y + box.height }, anchor] });
  }
  // Annotations pushed right past the last column widen the pool.
  const right = taken.reduce((most, t) => Math.max(most, t.x + t.width + 40), width);
  for (const lane of lanes) lane.width = right - STRIP;
  return { width: right, height: y - poolY, lanes, nodes, nodeLabels, flows, annotations };
}

const shift = (relative: Bounds, box: Bounds): Bounds => ({
  x: Math.round(box.x + box.width / 2 + relative.x),
  y: Math.round(box.y + box.height / 2 + relative.y),
  width: relative.width,
  height: relative.height,
});
const overlapsX = (b: Bounds, x1: number, x2: number) => b.x < Math.max(x1, x2) && b.x + b.width > Math.min(x1, x2);
const topCenter = (b: Bounds): Point => ({ x: b.x + b.width / 2, y: b.y });

interface Tracks {
  top: number;
  bottom: number;
  /** The bottom track of the lower of the source's and the target's lanes. */
  lowest: number;
  /** Whether no shape of the source's lane stands between x1 and x2. */
  clear(x1: number, x2: number): boolean;
}

/** Orthogonal waypoints of a flow. */
function route(flow: BpmnFlow, from: Bounds, to: Bounds, tracks: Tracks): Point[] {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  const start = flow.port === 'right' ? { x: from.x + from.width, y: cy } : { x: cx, y: flow.port === 'top' ? from.y : from.y + from.height };
  if (tx <= start.x + 20) {
    // Back (or under itself): down to the lower lane's bottom track, along it, up into the target.
    const bottom = { x: cx, y: from.y + from.height };
    const tcx = to.x + to.width / 2;
    return [bottom, { x: cx, y: tracks.lowest }, { x: tcx, y: tracks.lowest }, { x: tcx, y: to.y + to.height }];
  }
  const bend = tx - 20;
  if (flow.port === 'right') {
    if (tracks.clear(start.x, bend)) {
      if (start.y === ty) return [start, { x: tx, y: ty }];
      return [start, { x: bend, y: start.y }, { x: bend, y: ty }, { x: tx, y: ty }];
    }
    const out = start.x + 12;
    return [start, { x: out, y: start.y }, { x: out, y: tracks.bottom }, { x: bend, y: tracks.bottom }, { x: bend, y: ty }, { x: tx, y: ty }];
  }
  const track = flow.port === 'top' ? tracks.top : tracks.bottom;
  return [start, { x: start.x, y: track }, { x: bend, y: track }, { x: bend, y: ty }, { x: tx, y: ty }];
}
