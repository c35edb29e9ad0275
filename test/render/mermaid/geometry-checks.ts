/**
 * What a laid-out chart must satisfy, read from its geometry (geometry.ts) against what the SOP
 * declares (expectedChart): lanes in declared order from left to right, all starting at one height;
 * every actor of a step with the step (or its co-actor mark) in its lane; no text outside its shape;
 * no two edges drawn along one path; no two edge labels at one place. Each check returns the
 * problems it finds as sentences, so that a failing test says which node or edge is wrong.
 */
import { UNKNOWN_ACTOR_ID, type SopDocument } from '../../../src/ast/types.js';
import type { Box, ChartGeometry, EdgeGeometry } from './geometry.js';

export interface ExpectedStep {
  /** The step's node id, e.g. `p1s3`; a co-actor's mark is `p1s3_<lane id>`. */
  id: string;
  /** The lane ids of its actors, first actor first. */
  lanes: string[];
}

export interface ExpectedProcedure {
  /** Lane ids in declared order (Pelaksana), then the '?' lane. */
  lanes: string[];
  steps: ExpectedStep[];
}

/** What the SOP itself says: its procedures' actors in order and each step's actors. */
export function expectedChart(document: SopDocument): ExpectedProcedure[] {
  return document.procedures.map((procedure, p) => {
    const prefix = `p${p + 1}`;
    const declared = procedure.actors.map((a, k) => [a.id.toLowerCase(), `${prefix}l${k + 1}`] as const);
    const laneOf = new Map<string, string>([...declared, [UNKNOWN_ACTOR_ID, `${prefix}lq`]]);
    return {
      lanes: [...declared.map(([, lane]) => lane), `${prefix}lq`],
      steps: procedure.steps.map((step, i) => ({
        id: `${prefix}s${i + 1}`,
        lanes: step.actors.flatMap((a) => laneOf.get(a.id.toLowerCase()) ?? []),
      })),
    };
  });
}

const TOLERANCE = 1.5;
const center = (b: Box) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - TOLERANCE &&
  inner.right <= outer.right + TOLERANCE &&
  inner.top >= outer.top - TOLERANCE &&
  inner.bottom <= outer.bottom + TOLERANCE;
const containsPoint = (b: Box, p: { x: number; y: number }) => p.x >= b.left && p.x <= b.right && p.y >= b.top && p.y <= b.bottom;
const fmt = (b: Box) => `[${Math.round(b.left)},${Math.round(b.top)} → ${Math.round(b.right)},${Math.round(b.bottom)}]`;

/** Lanes of each procedure left to right in declared order, side by side, their tops at one height. */
export function laneProblems(geometry: ChartGeometry, expected: ExpectedProcedure[]): string[] {
  const problems: string[] = [];
  for (const procedure of expected) {
    const lanes = procedure.lanes.flatMap((id) => geometry.lanes.filter((lane) => lane.id === id));
    for (let k = 1; k < lanes.length; k++) {
      const [before, after] = [lanes[k - 1], lanes[k]];
      if (after.box.left < before.box.right - TOLERANCE)
        problems.push(`lane ${after.id} ${fmt(after.box)} is not right of lane ${before.id} ${fmt(before.box)}, declared before it`);
    }
    for (const lane of lanes.slice(1))
      if (Math.abs(lane.box.top - lanes[0].box.top) > TOLERANCE)
        problems.push(`lane ${lane.id} starts at y=${Math.round(lane.box.top)}, lane ${lanes[0].id} at y=${Math.round(lanes[0].box.top)}`);
    for (const lane of lanes) if (lane.title && !inside(lane.title, lane.box)) problems.push(`the title of lane ${lane.id} spills out of it`);
  }
  problems.push(...headerProblems(geometry, expected));
  return problems;
}

/** Each lane's header (`actor_<lane id>`, naming its actor) at its top, all of them in one row (one centre height). */
function headerProblems(geometry: ChartGeometry, expected: ExpectedProcedure[]): string[] {
  const problems: string[] = [];
  const headers = expected.flatMap((procedure) =>
    procedure.lanes.flatMap((id) => {
      const lane = geometry.lanes.find((l) => l.id === id);
      const header = geometry.nodes.find((n) => n.id === `actor_${id}`);
      if (lane && !header) problems.push(`lane ${id} has no header`);
      return lane && header ? [{ lane, header }] : [];
    }),
  );
  for (const { lane, header } of headers) {
    const [y, y0] = [center(header.shape).y, center(headers[0].header.shape).y];
    if (Math.abs(y - y0) > TOLERANCE)
      problems.push(`the header of lane ${lane.id} is centred at y=${Math.round(y)}, that of ${headers[0].lane.id} at y=${Math.round(y0)}`);
    const below = geometry.nodes.filter((n) => n !== header && containsPoint(lane.box, center(n.shape)) && n.shape.top < header.shape.bottom);
    for (const node of below) problems.push(`${node.id} stands above or beside the header of lane ${lane.id}`);
  }
  return problems;
}

/** Every actor of a step has the step, or the step's co-actor mark, inside its lane. */
export function actorProblems(geometry: ChartGeometry, expected: ExpectedProcedure[]): string[] {
  const problems: string[] = [];
  for (const procedure of expected)
    for (const step of procedure.steps) {
      const marks = geometry.nodes.filter((n) => n.id === step.id || n.id.startsWith(`${step.id}_`));
      if (!marks.some((n) => n.id === step.id)) problems.push(`step ${step.id} is not drawn`);
      for (const laneId of new Set(step.lanes)) {
        const lane = geometry.lanes.find((l) => l.id === laneId);
        const placed = lane && marks.some((n) => containsPoint(lane.box, center(n.shape)));
        if (!placed) problems.push(`step ${step.id}: nothing of it in the lane of its actor ${laneId}`);
      }
    }
  return problems;
}

/** The text of every node inside its shape: inside its box, and its corners inside its outline. */
export function textProblems(geometry: ChartGeometry): string[] {
  return geometry.nodes.flatMap((node) => {
    if (!node.text) return [];
    if (!inside(node.text, node.shape)) return [`the text of ${node.id} ${fmt(node.text)} spills out of its shape's box ${fmt(node.shape)}`];
    return node.textCornersInside ? [] : [`a corner of the text of ${node.id} ${fmt(node.text)} is outside its shape's outline`];
  });
}

function distanceToPath(p: { x: number; y: number }, path: EdgeGeometry['points']): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1];
    const b = path[k];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = dx || dy ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

/** The share of an edge's points lying on another edge's path (within 2 px). */
export function sharedShare(a: EdgeGeometry, b: EdgeGeometry): number {
  return a.points.filter((p) => distanceToPath(p, b.points) <= 2).length / a.points.length;
}

/** The two node ids an edge joins, read from Mermaid's edge id `L_<from>_<to>_<n>` (ids may hold `_`). */
export function edgeEnds(edgeId: string, nodeIds: Set<string>): [string, string] | null {
  const body = /^L_(.+)_\d+$/.exec(edgeId)?.[1];
  if (!body) return null;
  for (let k = body.indexOf('_'); k > 0; k = body.indexOf('_', k + 1)) {
    const [from, to] = [body.slice(0, k), body.slice(k + 1)];
    if (nodeIds.has(from) && nodeIds.has(to)) return [from, to];
  }
  return null;
}

/**
 * No edge drawn (nearly) all along another one, and no two edge labels overlapping: either way a
 * reader cannot tell which label belongs to which arrow. `pairs: 'same-ends'` compares only edges
 * joining the same two nodes, e.g. "3 → 2" and "2 → 3".
 */
export function overlapProblems(geometry: ChartGeometry, pairs: 'all' | 'same-ends' = 'all'): string[] {
  return [...edgeOverlapProblems(geometry, pairs), ...labelOverlapProblems(geometry)];
}

export function edgeOverlapProblems(geometry: ChartGeometry, pairs: 'all' | 'same-ends'): string[] {
  const problems: string[] = [];
  const { edges } = geometry;
  const nodeIds = new Set(geometry.nodes.map((n) => n.id));
  const ends = edges.map((e) => edgeEnds(e.id, nodeIds)?.sort().join(' ') ?? e.id);
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      if (pairs === 'same-ends' && ends[i] !== ends[j]) continue;
      const share = Math.max(sharedShare(edges[i], edges[j]), sharedShare(edges[j], edges[i]));
      if (share >= 0.9) problems.push(`edges ${edges[i].id} and ${edges[j].id} share ${Math.round(share * 100)}% of a path`);
    }
  return problems;
}

export function labelOverlapProblems(geometry: ChartGeometry): string[] {
  const problems: string[] = [];
  const { labels } = geometry;
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i].box, labels[j].box];
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
      if (overlap) problems.push(`edge labels "${labels[i].text}" ${fmt(a)} and "${labels[j].text}" ${fmt(b)} overlap`);
    }
  return problems;
}

/** All of the above. */
export function chartProblems(geometry: ChartGeometry, expected: ExpectedProcedure[]): string[] {
  return [...laneProblems(geometry, expected), ...actorProblems(geometry, expected), ...textProblems(geometry), ...overlapProblems(geometry)];
}
